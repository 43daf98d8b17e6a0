package io.swapline.core.quiesce;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds threads that may still be inside a call that reached an object's old implementation
 * before the Mediator was interposed — the Forward phase's "untracked calls" — by looking at
 * their stacks, as the Linux livepatch consistency model does.
 *
 * <p>A call is inside the object while a frame of the object's stub class is on the stack
 * (one class per object, so the frame names the object). If the frame just above it (its callee)
 * belongs to this swap's Mediator glue class (one class per swap), the call went through this
 * swap's Mediator and is tracked there; anything else — an old Rep, the glue of an earlier
 * swap still routing a call, the slot lookup, nothing yet — counts as untracked, so the check
 * errs towards waiting.
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
 *       inside, and the Forward phase waits for it (up to its deadline, then rolls back).
 * </ul>
 */
public final class StackCheck {

    /** HotSpot's default {@code MaxJavaStackTraceDepth}: a trace this long may be truncated. */
    static final int TRUNCATED_DEPTH = 1024;

    private final String stubClassName;
    private final String glueClassName;

    /**
     * A check for one swap of one object.
     *
     * @param stubClassName the binary name of the object's stub class
     * @param glueClassName the binary name of this swap's Mediator glue class
     */
    public StackCheck(String stubClassName, String glueClassName) {
        this.stubClassName = stubClassName;
        this.glueClassName = glueClassName;
    }

    /**
     * All live threads, except skipped ones, whose stacks show an untracked call on the object.
     *
     * @param skip threads covered otherwise (the platform's own, by generations)
     * @return the threads to wait for
     */
    public Set<Thread> threadsInsideOldCalls(Predicate<Thread> skip) {
        Set<Thread> inside = new HashSet<>();
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            Thread thread = entry.getKey();
            if (thread != Thread.currentThread() && !skip.test(thread) && showsUntrackedCall(entry.getValue())) {
                inside.add(thread);
            }
        }
        return inside;
    }

    /**
     * Looks again at threads found before and drops those that have left the object.
     *
     * @param threads the threads still to wait for; updated in place
     */
    public void recheck(Set<Thread> threads) {
        threads.removeIf(thread -> !thread.isAlive() || !showsUntrackedCall(thread.getStackTrace()));
    }

    /**
     * Whether a stack shows an untracked call on the object.
     *
     * @param trace a stack trace, innermost frame first
     * @return true if the thread may be inside the old implementation
     */
    public boolean showsUntrackedCall(StackTraceElement[] trace) {
        if (trace.length >= TRUNCATED_DEPTH) {
            return true; // a stub frame may be below the cut
        }
        for (int i = 0; i < trace.length; i++) {
            if (trace[i].getClassName().equals(stubClassName)
                    && (i == 0 || !trace[i - 1].getClassName().equals(glueClassName))) {
                return true;
            }
        }
        return false;
    }
}
