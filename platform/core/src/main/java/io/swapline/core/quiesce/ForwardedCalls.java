package io.swapline.core.quiesce;

/**
 * The per-thread mark "inside a forwarded call": how many calls the Mediators of all swaps in
 * progress have counted and forwarded on this thread and that have not returned yet.
 *
 * <p>The Block phase lets a marked thread through instead of blocking it. That avoids
 * self-deadlock (a forwarded call that calls its own object again) and deadlock between two
 * objects swapped at once that call each other. The mark is global, not per Mediator, for the
 * second reason. Only mediated calls touch it; the normal call path never does.
 */
public final class ForwardedCalls {

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private ForwardedCalls() {
    }

    /**
     * Whether the calling thread is inside a forwarded call of any object being swapped.
     *
     * @return true if marked
     */
    public static boolean isInsideForwardedCall() {
        return DEPTH.get()[0] > 0;
    }

    /** Marks the calling thread as entering a forwarded call. */
    public static void enter() {
        DEPTH.get()[0]++;
    }

    /** Marks the calling thread as leaving a forwarded call. */
    public static void exit() {
        DEPTH.get()[0]--;
    }
}
