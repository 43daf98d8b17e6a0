package io.swapline.benchmarks.kv;

import java.util.Set;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import io.swapline.examples.kv.KeyValueStore;

/**
 * A read/write mix over a store's existing keys: each operation a {@code get} or, with the given
 * probability, a {@code put} of a new value to a random key, so the number of keys never changes.
 * Random numbers come from a per-thread xorshift generator: no shared state but the store.
 */
public final class KvWorkload {

    private static final double SCALE = 1L << 24;

    private final KeyValueStore store;
    private final String[] keyNames;
    private final String[] values;

    /**
     * Fills a store with {@code keys} keys.
     *
     * @param store the store (its stub)
     * @param keys the number of keys
     */
    public KvWorkload(KeyValueStore store, int keys) {
        this.store = store;
        this.keyNames = new String[keys];
        this.values = new String[keys];
        for (int i = 0; i < keys; i++) {
            keyNames[i] = "key-" + i;
            values[i] = "value-" + i;
            store.put(keyNames[i], values[i]);
        }
    }

    /**
     * The keys the workload filled and uses.
     *
     * @return the keys
     */
    public Set<String> keys() {
        return Set.of(keyNames);
    }

    /**
     * One operation.
     *
     * @param mix the calling thread's generator
     * @param writeRatio the probability of a put
     * @return the value read, or the value the put replaced
     */
    public String operation(Mix mix, double writeRatio) {
        long random = mix.next();
        int index = (int) ((random >>> 40) % keyNames.length);
        if ((random & 0xFF_FFFF) < writeRatio * SCALE) {
            return store.put(keyNames[index], values[(index + 1) % values.length]);
        }
        return store.get(keyNames[index]);
    }

    /** One thread's random generator (xorshift64). */
    @State(Scope.Thread)
    public static class Mix {
        private long state = System.nanoTime() | 1;

        /**
         * The next random number.
         *
         * @return 64 random bits
         */
        public long next() {
            long x = state;
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            state = x;
            return x;
        }
    }
}
