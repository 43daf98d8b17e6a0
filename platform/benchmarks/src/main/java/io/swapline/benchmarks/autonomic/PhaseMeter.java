package io.swapline.benchmarks.autonomic;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Measures a phase: polls the call count and the serving implementation every
 * {@value #POLL_MILLIS} ms, so that the phase's throughput can be split at the moment another
 * implementation starts serving.
 */
final class PhaseMeter {

    /** The polling period. */
    static final int POLL_MILLIS = 10;

    private PhaseMeter() {
    }

    /**
     * Measures one phase, which starts now.
     *
     * @param millis the phase's length
     * @param calls the clients' live call count
     * @param serving what serves the object now
     * @return the phase's figures
     * @throws InterruptedException if interrupted
     */
    static PhaseResult measure(long millis, LongAdder calls, Supplier<String> serving) throws InterruptedException {
        long start = System.nanoTime();
        long callsAtStart = calls.sum();
        String first = serving.get();
        long swapSeenAt = 0;
        long callsAtSwap = 0;
        long end = start + millis * 1_000_000;
        for (long now = start; now < end; now = System.nanoTime()) {
            Thread.sleep(Math.max(1, Math.min(POLL_MILLIS, (end - now) / 1_000_000)));
            if (swapSeenAt == 0 && !serving.get().equals(first)) {
                swapSeenAt = System.nanoTime();
                callsAtSwap = calls.sum();
            }
        }
        long stop = System.nanoTime();
        long callsAtEnd = calls.sum();
        double mops = (callsAtEnd - callsAtStart) / ((stop - start) / 1e3);
        if (swapSeenAt == 0) {
            return new PhaseResult(mops, Double.NaN, Double.NaN);
        }
        return new PhaseResult(mops, (callsAtEnd - callsAtSwap) / ((stop - swapSeenAt) / 1e3), (swapSeenAt - start) / 1e6);
    }
}
