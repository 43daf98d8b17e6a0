package io.swapline.itests.gate;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A one-use gate that a test and an implementation bundle share: the implementation
 * {@linkplain #enterAndWait enters} it (from inside a swap's state transfer, say) and waits there
 * until the test {@linkplain #open opens} it. It lives in its own bundle, built at run time by
 * {@link io.swapline.itests.TestBundles#exporting}, which both import, so both see one class.
 */
public final class Gate {

    private static final CountDownLatch ENTERED = new CountDownLatch(1);
    private static final CountDownLatch OPENED = new CountDownLatch(1);

    private Gate() {
    }

    /**
     * Marks the gate entered and waits until it is opened, at most {@code seconds}.
     *
     * @param seconds the longest wait
     * @return whether it was opened in time
     */
    public static boolean enterAndWait(long seconds) {
        ENTERED.countDown();
        try {
            return OPENED.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Waits until someone entered the gate, at most {@code seconds}.
     *
     * @param seconds the longest wait
     * @return whether someone entered in time
     * @throws InterruptedException if interrupted
     */
    public static boolean awaitEntered(long seconds) throws InterruptedException {
        return ENTERED.await(seconds, TimeUnit.SECONDS);
    }

    /** Opens the gate: who waits there goes on. */
    public static void open() {
        OPENED.countDown();
    }
}
