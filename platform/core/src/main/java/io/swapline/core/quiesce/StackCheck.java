package io.swapline.core.quiesce;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Finds threads that may still be inside a call that reached an object's old implementation
 * before the Mediator was interposed — the Forward phase's "untracked calls" — by looking at
 * their stacks, as the Linux livepatch consistency model does, and waits until none is left.
 *
 * <h2>Reading a stack</h2>
 * A call is on the object while a frame of the object's stub class is on the stack (one class
 * per object, so the frame names the object). The frame just above it, its callee, tells where
 * the call is:
 * <ul>
 *   <li>this swap's Mediator glue class (one class per swap): <b>tracked</b> by the Mediator;
 *   <li>the local table's miss, or nothing (the stub itself is reading its slot):
 *       <b>resolving</b> — the call has no Rep yet, or has one it has not called yet, which is
 *       the old one if it was read before interposition;
 *   <li>method-handle plumbing ({@code java.lang.invoke} frames: the call site's target, the
 *       slot's var handle, the handle through which the stub calls glue): the first frame above
 *       the plumbing decides. This swap's glue: <b>tracked</b>. Anything else, or nothing:
 *       <b>resolving</b> — the JDK's own work inside a handle (customising a lambda form,
 *       defining its class) while the call site's target is being read, which may be the old
 *       Rep read before interposition, or an earlier swap's glue called with a target read
 *       before interposition. Never untracked: a thread seen untracked and then resolving is
 *       taken to have started a new call, which would be false here.
 *   <li>anything else (an old Rep, the glue of an earlier swap reached by a miss):
 *       <b>untracked</b>.
 * </ul>
 * Plumbing frames show in other threads' traces on JDK 17 and are left out on JDK 25 (they are
 * hidden frames); both read alike.
 * A thread waits for the worst of its stub frames.
 *
 * <h2>When a thread is done</h2>
 * A thread with no untracked or resolving frame is done. A resolving thread is done once it has
 * been seen untracked since (the call it was resolving when first seen has ended, so whatever it
 * resolves now started after interposition), or once the Mediator has counted a tracked call of
 * it since it was first seen: calls of one thread are sequential, and the only way to a tracked
 * call while an old call still runs is a nested call from inside that old call, which would
 * show the outer stub frame as untracked. This keeps a busy caller — which, interpreted right
 * after the interposition's deoptimisation, spends much of each call resolving — from holding
 * up the swap, without adding anything to the normal call path.
 *
 * <h2>What it sees and what it cannot</h2>
 * <ul>
 *   <li>Sees every live platform thread, with frames the JIT inlined: HotSpot rebuilds
 *       inlined frames from debug information at the safepoint where it takes the trace.
 *       Taking the trace synchronises with the thread, so a thread found outside the stub reads
 *       the slots and call target as the interposition left them.
 *   <li>Cannot see virtual threads (JDK 21+): no JDK API enumerates them. Work the platform
 *       runs itself goes through {@link PlatformActivities}, whose generations cover it; a
 *       virtual thread started elsewhere that entered the old implementation before the swap
 *       and is still inside when the swap blocks is not waited for.
 *   <li>Cannot see frames of hidden classes on JDK 25: stubs and glue are therefore defined by
 *       ordinary class loaders.
 *   <li>A stack deeper than the VM's trace limit ({@code MaxJavaStackTraceDepth}, 1024 by
 *       default) is cut at its bottom, where a stub frame could hide: such a thread counts as
 *       untracked, and the Forward phase waits for it (up to its deadline, then rolls back).
 * </ul>
 * Not thread-safe: one swap's driver uses it.
 */
public final class StackCheck {

    /** HotSpot's default {@code MaxJavaStackTraceDepth}: a trace this long may be truncated. */
    static final int TRUNCATED_DEPTH = 1024;

    private static final String RUNTIME_RESOLUTION = "io.swapline.core.table.LocalTable";
    private static final String METHOD_HANDLES = "java.lang.invoke.";

    /** Where a thread's calls on the object are, worst first. */
    public enum Sighting { UNTRACKED, RESOLVING, CLEAR }

    private final String stubClassName;
    private final String glueClassName;
    private final ToLongFunction<Thread> trackedCalls;
    private final Map<Thread, Waiting> waiting = new HashMap<>();

    /**
     * A check for one swap of one object.
     *
     * @param stubClassName the binary name of the object's stub class
     * @param glueClassName the binary name of this swap's Mediator glue class
     * @param trackedCalls how many calls of a thread the swap's Mediator has tracked so far
     */
    public StackCheck(String stubClassName, String glueClassName, ToLongFunction<Thread> trackedCalls) {
        this.stubClassName = stubClassName;
        this.glueClassName = glueClassName;
        this.trackedCalls = trackedCalls;
    }

    /**
     * Looks at every live thread, except skipped ones, and remembers those that may be inside
     * an untracked call.
     *
     * @param skip threads covered otherwise (the platform's own, by generations, and the caller)
     */
    public void scanAllThreads(Predicate<Thread> skip) {
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            Thread thread = entry.getKey();
            if (!skip.test(thread)) {
                Sighting sighting = sight(entry.getValue());
                if (sighting != Sighting.CLEAR) {
                    waiting.put(thread, new Waiting(sighting, trackedCalls.applyAsLong(thread)));
                }
            }
        }
    }

    /**
     * Looks again at the threads still waited for and drops those that are done. Each look is
     * a VM operation (on JDK 17 a safepoint per thread asked), whose cost on a busy machine is
     * mostly the wait for the VM thread to be scheduled: with more than one thread to look at,
     * one operation takes all stacks at once.
     */
    public void recheck() {
        Map<Thread, StackTraceElement[]> traces = waiting.size() == 1
                ? singleTrace(waiting.keySet().iterator().next())
                : Thread.getAllStackTraces();
        waiting.entrySet().removeIf(entry -> {
            StackTraceElement[] trace = traces.get(entry.getKey());
            return trace == null // no longer alive
                    || entry.getValue().isDone(sight(trace), trackedCalls.applyAsLong(entry.getKey()));
        });
    }

    private static Map<Thread, StackTraceElement[]> singleTrace(Thread thread) {
        return thread.isAlive() ? Map.of(thread, thread.getStackTrace()) : Map.of();
    }

    /**
     * The threads still waited for.
     *
     * @return a view of them
     */
    public Set<Thread> waitingFor() {
        return waiting.keySet();
    }

    /**
     * Where the calls on the object in one stack are.
     *
     * @param trace a stack trace, innermost frame first
     * @return the worst sighting among its stub frames
     */
    public Sighting sight(StackTraceElement[] trace) {
        if (trace.length >= TRUNCATED_DEPTH) {
            return Sighting.UNTRACKED; // a stub frame may be below the cut
        }
        Sighting worst = Sighting.CLEAR;
        for (int i = 0; i < trace.length; i++) {
            if (trace[i].getClassName().equals(stubClassName)) {
                Sighting call = sightCallOf(trace, i);
                if (call.compareTo(worst) < 0) {
                    worst = call;
                }
            }
        }
        return worst;
    }

    private Sighting sightCallOf(StackTraceElement[] trace, int stubFrame) {
        int callee = stubFrame - 1;
        if (callee < 0) {
            return Sighting.RESOLVING;
        }
        if (!isPlumbing(trace[callee])) {
            return sightCallee(trace[callee].getClassName());
        }
        while (callee >= 0 && isPlumbing(trace[callee])) {
            callee--;
        }
        return callee >= 0 && trace[callee].getClassName().equals(glueClassName) ? Sighting.CLEAR : Sighting.RESOLVING;
    }

    private static boolean isPlumbing(StackTraceElement frame) {
        return frame.getClassName().startsWith(METHOD_HANDLES);
    }

    private Sighting sightCallee(String callee) {
        if (callee.equals(glueClassName)) {
            return Sighting.CLEAR;
        }
        if (callee.equals(RUNTIME_RESOLUTION)) {
            return Sighting.RESOLVING;
        }
        return Sighting.UNTRACKED;
    }

    /** A thread waited for: what it was resolving when first seen, and whether it has been seen untracked since. */
    static final class Waiting {
        private final long trackedWhenFirstSeen;
        private boolean seenUntracked;

        Waiting(Sighting first, long trackedCalls) {
            this.trackedWhenFirstSeen = trackedCalls;
            this.seenUntracked = first == Sighting.UNTRACKED;
        }

        boolean isDone(Sighting now, long trackedCalls) {
            switch (now) {
                case CLEAR:
                    return true;
                case UNTRACKED:
                    seenUntracked = true;
                    return false;
                default: // resolving: a new call, unless it is still the one first seen
                    return seenUntracked || trackedCalls > trackedWhenFirstSeen;
            }
        }
    }
}
