package io.swapline.osgi.holders;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.BundleRevision;


/**
 * Holder operations for a swap asked for on a thread that holds no Felix bundle lock (the shell's,
 * a policy's): the holder of the revision to swap to is installed before the
 * {@code PublishedObjects} monitor is taken, and every holder the swap lets go is uninstalled when
 * this is closed, after the monitor is released.
 *
 * <p>Why: Felix holds its global lock while it refreshes bundles (a {@code refresh} from the
 * shell, or the automatic one after an update), and the bundle events it fires meanwhile wait for
 * the PublishedObjects monitor; installing, resolving or uninstalling a bundle waits while
 * another thread holds the global lock. Had this thread taken the monitor first and then asked
 * Felix to install a holder, neither would ever go on.
 *
 * <p>Used by one thread: made, used under the monitor, closed.
 */
public final class PreparedHolder implements HolderOperations, AutoCloseable {

    private final RevisionHolders holders;
    private final BundleRevision revision;
    private Bundle prepared; // not yet taken by the swap: released on close
    private final List<Bundle> released = new ArrayList<>();

    private PreparedHolder(RevisionHolders holders, BundleRevision revision, Bundle prepared) {
        this.holders = holders;
        this.revision = revision;
        this.prepared = prepared;
    }

    /**
     * Installs and resolves a holder of {@code revision}. Call without the PublishedObjects monitor.
     *
     * @param holders the extender's holders
     * @param revision the revision the swap is to make serve
     * @return the prepared holder, to be closed after the monitor is released
     * @throws BundleException if the revision cannot be held
     */
    public static PreparedHolder of(RevisionHolders holders, BundleRevision revision) throws BundleException {
        return new PreparedHolder(holders, revision, holders.hold(revision));
    }

    /**
     * The prepared holder; the swap owns it from now on.
     *
     * @throws IllegalStateException if the swap wants another revision than the one prepared, or
     *     wants it twice: the caller checks that the swap it prepared for is still the one to run
     */
    @Override
    public Bundle hold(BundleRevision wanted) {
        if (prepared == null || !wanted.equals(revision)) {
            throw new IllegalStateException("no holder was prepared for " + wanted + " (prepared: " + revision + ")");
        }
        Bundle holder = prepared;
        prepared = null;
        return holder;
    }

    /** Queues a holder to be uninstalled on {@link #close}. */
    @Override
    public void release(Bundle holder) {
        released.add(holder);
    }

    /** Uninstalls the holders the swap let go, and the prepared one if the swap never took it. Call without the monitor. */
    @Override
    public void close() {
        if (prepared != null) {
            holders.release(prepared);
            prepared = null;
        }
        released.forEach(holders::release);
        released.clear();
    }
}
