package io.swapline.core.autonomic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * When one object's recent autonomic swaps happened: what the dwell and rate rules look at.
 * Every attempt counts, whatever its outcome, so that a swap that keeps rolling back is paced
 * like one that completes.
 *
 * <p>Not thread-safe: confined to the thread that runs the object's policy.
 */
public final class SwapPacing {

    private final Deque<Instant> attempts = new ArrayDeque<>(); // within the last window asked about
    private Instant lastAttempt;

    /** No swap yet. */
    public SwapPacing() {
    }

    /**
     * Records an autonomic swap attempt.
     *
     * @param at when it started
     */
    public void recordAttempt(Instant at) {
        attempts.addLast(at);
        lastAttempt = at;
    }

    /**
     * The most recent attempt.
     *
     * @return its time, or null if there was none
     */
    public Instant lastAttempt() {
        return lastAttempt;
    }

    /**
     * The attempts in the window that ends at {@code now}; forgets older ones.
     *
     * @param now the end of the window
     * @param window its length
     * @return the number of attempts after {@code now - window}
     */
    public int attemptsWithin(Instant now, Duration window) {
        Instant start = now.minus(window);
        while (!attempts.isEmpty() && !attempts.peekFirst().isAfter(start)) {
            attempts.removeFirst();
        }
        return attempts.size();
    }
}
