package io.swapline.examples.kv;

import io.swapline.api.autonomic.RatioMeter;
import io.swapline.api.autonomic.Signals;

/**
 * Measures the {@link KvSignals} of one store in the store's own code: a read or a write is one
 * or two {@link RatioMeter} counts (an opaque load and store of the calling thread's stripe; no
 * atomic, no lock), and the ratio is computed only when the platform samples.
 *
 * <p>Thread roles: any thread counts; {@link #sample(int)} is called by the policy's sampler,
 * one call at a time.
 */
public final class KvWorkloadMeter {

    private final RatioMeter writes = new RatioMeter();

    /** A meter with nothing counted. */
    public KvWorkloadMeter() {
    }

    /** Counts a {@code get}. */
    public void countRead() {
        writes.countOperation();
    }

    /** Counts a {@code put} or a {@code remove}. */
    public void countWrite() {
        writes.countEvent();
        writes.countOperation();
    }

    /**
     * The signals since the previous sample, and starts a new interval.
     *
     * @param keys the store's number of keys now
     * @return {@link KvSignals#WRITE_RATIO} (absent if no operation was counted) and {@link KvSignals#KEYS}
     */
    public Signals sample(int keys) {
        return Signals.builder().put(KvSignals.WRITE_RATIO, writes.sample()).put(KvSignals.KEYS, keys).build();
    }
}
