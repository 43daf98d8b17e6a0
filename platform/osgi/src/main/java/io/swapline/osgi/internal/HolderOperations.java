package io.swapline.osgi.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.BundleRevision;

/**
 * How a swap installs and uninstalls {@linkplain RevisionHolders revision holders}, which are Felix
 * bundle operations. A swap caused by a bundle event runs on a thread that already holds a Felix
 * bundle lock and does them at once ({@link RevisionHolders}); a swap asked for by the shell or a
 * policy runs on a thread that holds none and must not do them while it holds the
 * {@link PublishedObjects} monitor ({@link PreparedHolder}; see PublishedObjects, "Locking").
 */
interface HolderOperations {

    /**
     * A holder that keeps {@code revision} loadable.
     *
     * @param revision the revision of the implementation that is to serve
     * @return the holder, for {@link #release}
     * @throws BundleException if it cannot be held
     */
    Bundle hold(BundleRevision revision) throws BundleException;

    /**
     * Lets a holder go (uninstalls it, now or later).
     *
     * @param holder a holder from {@link #hold}
     */
    void release(Bundle holder);
}
