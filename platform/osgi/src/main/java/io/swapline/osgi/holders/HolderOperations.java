package io.swapline.osgi.holders;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.BundleRevision;

/**
 * How a swap installs and uninstalls {@linkplain RevisionHolders revision holders}, which are Felix
 * bundle operations and wait while another thread holds Felix's global lock. A swap caused by a
 * bundle event does them at once ({@link RevisionHolders}); a swap asked for by the shell or a
 * policy does them before and after it holds the {@code PublishedObjects} monitor
 * ({@link PreparedHolder}; see PublishedObjects, "Felix's locks").
 */
public interface HolderOperations {

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
