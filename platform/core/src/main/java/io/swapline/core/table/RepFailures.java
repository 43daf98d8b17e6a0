package io.swapline.core.table;

import java.lang.ref.WeakReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.swapline.api.ClusteredRoot;
import io.swapline.api.DistributedRoot;
import io.swapline.api.RepFailure;
import io.swapline.api.Root;
import io.swapline.api.SharedRoot;

/**
 * The calls of one clustered object that failed because its implementation could not make the
 * Rep for the caller's slot ({@link Root#newRep(int)} threw on a miss): each distinct cause is
 * logged once, at WARNING, and counted; {@link #snapshot()} shows the most recent causes.
 *
 * <p>A cause is one root instance, one exception class and one throw site (the exception's first
 * frame). Not the message: messages often carry what changes from one failure to the next (an id,
 * a time, an attempt number), which would log every call. Not the implementation's name: two
 * versions of a bundle often share it (the class name by default), and the fixed version failing
 * again must log again. The root is held weakly, so that a swapped-out implementation's class
 * loader is not kept; only strings of its exception are kept, for the same reason. An exception
 * without a stack trace (HotSpot throws a preallocated one, without message or trace, once an
 * implicit exception such as a {@code NullPointerException} is hot at one site) is counted to the
 * latest cause of the same root and class. At most {@link #LIMIT} causes are kept, the least
 * recently failed dropped first; a dropped cause that fails again is new again, and logged again.
 *
 * <h2>Threads</h2>
 * Called by client threads, only when a miss failed: rare, and the failing {@code newRep} ran
 * under the root's monitor anyway. The causes are guarded by this object's monitor; the log line
 * is written after leaving it, and after the entry's lock is released. Nothing here is on the
 * call path.
 */
public final class RepFailures {

    /** How many distinct causes an object keeps. */
    public static final int LIMIT = 8;

    private static final System.Logger LOG = System.getLogger(RepFailures.class.getName());

    private final String objectName;
    private final List<Cause> causes = new ArrayList<>(LIMIT); // guarded by this, in order of first failure

    RepFailures(String objectName) {
        this.objectName = objectName;
    }

    /**
     * Counts a failed miss, and logs it if its cause is new. Never throws: the call that missed
     * must get the implementation's exception, unchanged.
     *
     * @param root the root whose Rep could not be made
     * @param slot the slot that missed
     * @param failure what the miss threw; it reaches the caller unchanged
     */
    public void failed(Root<?> root, int slot, Throwable failure) {
        try {
            Cause cause = count(root, slot, failure);
            if (cause != null) {
                log(cause, failure);
            }
        } catch (RuntimeException | Error e) {
            // Counting or logging failed too (out of memory, a broken log handler): drop it, so
            // that the call's own exception reaches the caller as it was thrown.
        }
    }

    /**
     * The most recent distinct causes, in the order they first occurred.
     *
     * @return a snapshot
     */
    public synchronized List<RepFailure> snapshot() {
        List<RepFailure> result = new ArrayList<>(causes.size());
        for (Cause cause : causes) {
            result.add(cause.toRecord());
        }
        return result;
    }

    /** Counts the failure; returns its cause if it is new (to be logged), else null. */
    private synchronized Cause count(Root<?> root, int slot, Throwable failure) {
        Instant now = Instant.now();
        String exceptionClass = failure.getClass().getName();
        StackTraceElement[] trace = failure.getStackTrace();
        String thrownAt = trace.length == 0 ? "" : trace[0].toString();
        Cause match = null;
        for (Cause cause : causes) {
            if (cause.root.get() == root && cause.exceptionClass.equals(exceptionClass)
                    && (thrownAt.isEmpty() || cause.thrownAt.equals(thrownAt))
                    && (match == null || cause.lastAt.isAfter(match.lastAt))) {
                match = cause;
            }
        }
        if (match != null) {
            match.count++;
            match.lastAt = now;
            return null;
        }
        if (causes.size() == LIMIT) {
            causes.remove(leastRecent());
        }
        Cause cause = new Cause(root, exceptionClass, thrownAt, String.valueOf(failure), repIndexOf(root, slot), slot, now);
        causes.add(cause);
        return cause;
    }

    private Cause leastRecent() {
        Cause oldest = causes.get(0);
        for (Cause cause : causes) {
            if (cause.lastAt.isBefore(oldest.lastAt)) {
                oldest = cause;
            }
        }
        return oldest;
    }

    private void log(Cause cause, Throwable failure) {
        String rep = cause.repIndex < 0 ? "the Rep" : "Rep " + cause.repIndex;
        LOG.log(System.Logger.Level.WARNING, "clustered object '" + objectName + "': " + cause.implementationName
                + " could not make " + rep + " for slot " + cause.slot + " (" + cause.exception
                + "); calls on that slot fail with this exception until it can. Further failures of this cause are"
                + " counted, not logged (ClusteredObject.repFailures(), MXBean attribute RepFailures)", failure);
    }

    /** The standard roots' (final) mappings; a root that extends {@link Root} itself keeps its own. */
    private static int repIndexOf(Root<?> root, int slot) {
        if (root instanceof SharedRoot) {
            return 0;
        }
        if (root instanceof DistributedRoot) {
            return slot;
        }
        if (root instanceof ClusteredRoot<?> clustered) {
            return slot / clustered.clusterSize();
        }
        return -1;
    }

    private static String nameOf(Root<?> root) {
        try {
            return root.implementationName();
        } catch (RuntimeException e) { // an author's override: the class still names it
            return root.getClass().getName();
        }
    }

    /** One distinct cause; its mutable fields are guarded by the enclosing monitor. */
    private static final class Cause {
        final WeakReference<Root<?>> root;
        final String implementationName;
        final String exceptionClass;
        final String thrownAt;
        final String exception;
        final int repIndex;
        final int slot;
        final Instant firstAt;
        long count = 1;
        Instant lastAt;

        Cause(Root<?> root, String exceptionClass, String thrownAt, String exception, int repIndex, int slot,
                Instant at) {
            this.root = new WeakReference<>(root);
            this.implementationName = nameOf(root);
            this.exceptionClass = exceptionClass;
            this.thrownAt = thrownAt;
            this.exception = exception;
            this.repIndex = repIndex;
            this.slot = slot;
            this.firstAt = at;
            this.lastAt = at;
        }

        RepFailure toRecord() {
            return new RepFailure(implementationName, exception, thrownAt, repIndex, slot, count, firstAt, lastAt);
        }
    }
}
