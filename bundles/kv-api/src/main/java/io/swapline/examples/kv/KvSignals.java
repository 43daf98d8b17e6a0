package io.swapline.examples.kv;

/**
 * The workload signals of the {@link KeyValueStore} family, by name and unit: what every
 * implementation reports through {@link io.swapline.api.autonomic.WorkloadSignals} and what
 * their {@code @SwappableImplementation(suits = …)} ranges are written over.
 *
 * <p>Why writes and not reads: a policy's hysteresis margin is a fraction of each bound, and the
 * snapshot and striped stores cross over at about 0.8 writes per hundred calls with 100 keys (and
 * fewer as the store grows: a snapshot write copies every entry), so the boundary is a usable
 * bound only as a write ratio ({@code writeRatio <= 0.008}); as a read ratio it would sit at
 * 0.992, where a 25 % margin reaches past 1.
 */
public final class KvSignals {

    /**
     * Writes per operation over the sampling interval: calls of {@code put} and {@code remove}
     * divided by calls of {@code get}, {@code put} and {@code remove}, a fraction from 0 to 1.
     * {@code size}, {@code snapshot} and {@code implementation} are not operations here. Absent
     * when no operation ran in the interval.
     */
    public static final String WRITE_RATIO = "writeRatio";

    /** The number of keys in the store when it was sampled. */
    public static final String KEYS = "keys";

    private KvSignals() {
    }
}
