package io.swapline.osgi.holders;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.BundleRevision;

/**
 * The holder operations of one lifecycle step, done outside the extender's object lock: the holder
 * of the revision the step makes serve is installed before the lock is taken ({@link #of}), and
 * every holder the step lets go is uninstalled after it is released ({@link #close}).
 *
 * <p>Why: Felix holds its global lock for a whole refresh and delivers the refresh's bundle
 * events while holding it; those events wait for the extender's object lock. Installing,
 * resolving or uninstalling a bundle needs the global lock. A thread that held the object lock
 * while asking Felix to install a holder would wait for the refresh, and the refresh for it.
 *
 * <p>Used by one thread: made, used under the lock, closed.
 */
public final class PreparedHolder implements AutoCloseable {

    private final RevisionHolders holders;
    private final BundleRevision revision;
    private Bundle prepared; // not yet taken by the step: released on close
    private final List<Bundle> released = new ArrayList<>();
    private final boolean onEventThread;

    private PreparedHolder(RevisionHolders holders, BundleRevision revision, Bundle prepared, boolean onEventThread) {
        this.holders = holders;
        this.revision = revision;
        this.prepared = prepared;
        this.onEventThread = onEventThread;
    }

    /**
     * Installs and resolves a holder of {@code revision}. Call without the object lock.
     *
     * @param holders the extender's holders
     * @param revision the revision the step is to make serve
     * @param onEventThread whether this thread delivers a bundle event (and may hold a bundle lock):
     *     then holders are uninstalled as {@link RevisionHolders#releaseFromEventThread} says
     * @return the prepared holder, to be closed after the lock is released
     * @throws BundleException if the revision cannot be held
     * @throws IllegalStateException if Felix refused the operation (its global lock could not be
     *     had: a refresh that needs a bundle this thread locks) or the bundle was uninstalled
     */
    public static PreparedHolder of(RevisionHolders holders, BundleRevision revision, boolean onEventThread)
            throws BundleException {
        return new PreparedHolder(holders, revision, holders.hold(revision), onEventThread);
    }

    /**
     * For a step that makes no new revision serve but may let holders go.
     *
     * @param holders the extender's holders
     * @param onEventThread as for {@link #of}
     * @return a prepared holder with nothing to take
     */
    public static PreparedHolder none(RevisionHolders holders, boolean onEventThread) {
        return new PreparedHolder(holders, null, null, onEventThread);
    }

    /**
     * The prepared holder; the step owns it from now on.
     *
     * @param wanted the revision the step makes serve
     * @return the holder
     * @throws IllegalStateException if the step wants another revision than the one prepared, or
     *     wants it twice: the caller checks that the step it prepared for is still the one to run
     */
    public Bundle take(BundleRevision wanted) {
        if (prepared == null || !wanted.equals(revision)) {
            throw new IllegalStateException("no holder was prepared for " + wanted + " (prepared: " + revision + ")");
        }
        Bundle holder = prepared;
        prepared = null;
        return holder;
    }

    /**
     * Queues a holder to be uninstalled on {@link #close}.
     *
     * @param holder a holder the step let go, or null (nothing)
     */
    public void release(Bundle holder) {
        if (holder != null) {
            released.add(holder);
        }
    }

    /**
     * Uninstalls the holders the step let go, and the prepared one if the step never took it. Call
     * without the object lock. From a bundle event's thread they are uninstalled on the holders'
     * own thread ({@link RevisionHolders#releaseFromEventThread}); a holder Felix would not uninstall
     * now is tried again later.
     */
    @Override
    public void close() {
        if (prepared != null) {
            released.add(prepared);
            prepared = null;
        }
        List<Bundle> toRelease = List.copyOf(released);
        released.clear();
        if (onEventThread) {
            holders.releaseFromEventThread(toRelease);
        } else {
            holders.releaseLater(toRelease.stream().filter(holder -> !holders.release(holder)).toList());
        }
    }
}
