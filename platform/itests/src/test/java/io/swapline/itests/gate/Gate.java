package io.swapline.itests.gate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One-use gates, by name, that a test and an implementation bundle share: the implementation
 * enters a gate (from inside a swap's state transfer, or inside one call) and waits there until
 * the test opens it. It lives in its own bundle, built at run time by
 * {@link io.swapline.itests.TestBundles#exporting}, which both import, so both see one class.
 */
public final class Gate {

    private static final Map<String, Gate> GATES = new ConcurrentHashMap<>();

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch opened = new CountDownLatch(1);
    private final AtomicBoolean armed = new AtomicBoolean();

    private Gate() {
    }

    /**
     * Forgets the gate of this name, so that the next {@link #named} makes a fresh one: for a test
     * that uses a gate more than once, after opening it.
     *
     * @param name the gate's name
     */
    public static void reset(String name) {
        GATES.remove(name);
    }

    /**
     * The gate of this name, made on first use.
     *
     * @param name the gate's name
     * @return the gate
     */
    public static Gate named(String name) {
        return GATES.computeIfAbsent(name, ignored -> new Gate());
    }

    /**
     * Marks the gate entered and waits until it is opened, at most {@code seconds}.
     *
     * @param seconds the longest wait
     * @return whether it was opened in time
     */
    public boolean enterAndWait(long seconds) {
        entered.countDown();
        try {
            return opened.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Arms the gate: the next {@link #passIfArmed} waits in it, the others pass. */
    public void arm() {
        armed.set(true);
    }

    /**
     * Waits in the gate, as {@link #enterAndWait}, if it is armed and nobody took it yet; returns at once otherwise.
     *
     * @param seconds the longest wait
     */
    public void passIfArmed(long seconds) {
        if (armed.get() && armed.compareAndSet(true, false)) {
            enterAndWait(seconds);
        }
    }

    /**
     * Waits until someone entered the gate, at most {@code seconds}.
     *
     * @param seconds the longest wait
     * @return whether someone entered in time
     * @throws InterruptedException if interrupted
     */
    public boolean awaitEntered(long seconds) throws InterruptedException {
        return entered.await(seconds, TimeUnit.SECONDS);
    }

    /** Opens the gate: who waits there goes on. */
    public void open() {
        opened.countDown();
    }
}
