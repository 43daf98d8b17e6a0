package io.swapline.examples.kv.client.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

import io.swapline.examples.kv.KeyValueStore;

/**
 * A read/write load on a store, from a few threads of its own for a number of intervals: what
 * {@code kv:load} runs. The threads call {@code get} and {@code put} on {@value #KEYS} keys
 * ({@code load-0} …), which are put first; each thread spreads its writes evenly over its calls
 * (a running credit, no random numbers), so every thread's mix is the one asked for, to one call.
 *
 * <p>Thread roles: {@link #run} is called by one thread (the shell's), which starts the calling
 * threads, samples the call count once per interval and joins them before it returns.
 */
final class KvLoad {

    /** The keys the load uses: the size the family's suitability boundary was measured at. */
    static final int KEYS = 100;
    /** Writes are counted in units of one ten-thousandth of the calls. */
    private static final int PER = 10_000;

    private final KeyValueStore store;
    private final int writesPerTenThousand;
    private final int threads;
    private final String[] keys = new String[KEYS];

    /**
     * A load.
     *
     * @param store the store (the object's stub)
     * @param readPercent the share of {@code get} calls, 0 to 100, to 0.01 %
     * @param threads the number of calling threads, 1 or more
     * @throws IllegalArgumentException if an argument is out of range
     */
    KvLoad(KeyValueStore store, double readPercent, int threads) {
        if (!(readPercent >= 0 && readPercent <= 100)) {
            throw new IllegalArgumentException("readPercent must be in [0, 100], was " + readPercent);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("at least one thread, was " + threads);
        }
        this.store = store;
        this.writesPerTenThousand = (int) Math.round((100 - readPercent) * (PER / 100));
        this.threads = threads;
        for (int k = 0; k < KEYS; k++) {
            keys[k] = "load-" + k;
        }
    }

    /**
     * Fills the keys, runs the threads for {@code intervals} intervals and stops them.
     *
     * @param intervals how many intervals, 1 or more
     * @param interval the length of one
     * @return what the load did, with one throughput figure per interval
     * @throws InterruptedException if the calling thread is interrupted (the threads are stopped first)
     */
    Report run(int intervals, Duration interval) throws InterruptedException {
        for (String key : keys) {
            store.put(key, "initial");
        }
        String before = store.implementation();
        LongAdder calls = new LongAdder();
        LongAdder failures = new LongAdder();
        List<Caller> callers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Caller caller = new Caller(t, calls, failures);
            callers.add(caller);
            caller.start();
        }
        List<Interval> perInterval = new ArrayList<>();
        long writes = 0;
        try {
            long previous = 0;
            for (int i = 1; i <= intervals; i++) {
                Thread.sleep(interval.toMillis());
                long now = calls.sum();
                perInterval.add(new Interval(i, now - previous, store.implementation()));
                previous = now;
            }
        } finally {
            for (Caller caller : callers) {
                caller.running = false;
            }
            for (Caller caller : callers) {
                caller.join();
                writes += caller.writes;
            }
        }
        return new Report(interval, perInterval, calls.sum(), writes, failures.sum(), store.size(), before,
                store.implementation());
    }

    /** One calling thread. */
    private final class Caller extends Thread {
        private final LongAdder calls;
        private final LongAdder failures;
        private final int offset;
        volatile boolean running = true;
        long writes; // read after join

        Caller(int index, LongAdder calls, LongAdder failures) {
            super("kv-load-" + index);
            setDaemon(true);
            this.offset = index * 37;
            this.calls = calls;
            this.failures = failures;
        }

        @Override
        public void run() {
            int credit = 0;
            for (long call = 0; running; call++) {
                String key = keys[(int) ((call + offset) % KEYS)];
                credit += writesPerTenThousand;
                try {
                    if (credit >= PER) {
                        credit -= PER;
                        store.put(key, "value-" + (call & 0xFF));
                        writes++;
                    } else {
                        store.get(key);
                    }
                    calls.increment();
                } catch (RuntimeException e) { // counted and reported: that is what a load is for
                    failures.increment();
                }
            }
        }
    }

    /**
     * Calls in one interval.
     *
     * @param index the interval, from 1
     * @param calls the calls that returned in it
     * @param implementation what served at its end
     */
    record Interval(int index, long calls, String implementation) {
    }

    /**
     * What a load did.
     *
     * @param interval the length of one interval
     * @param intervals the calls per interval
     * @param calls calls that returned normally
     * @param writes of those, {@code put} calls
     * @param failures calls that threw
     * @param keys the store's size at the end
     * @param before what served at the start
     * @param after what served at the end
     */
    record Report(Duration interval, List<Interval> intervals, long calls, long writes, long failures, int keys,
            String before, String after) {

        /**
         * The report for the shell: one line per interval, then a summary.
         *
         * @return the lines
         */
        List<String> lines() {
            List<String> lines = new ArrayList<>();
            double seconds = interval.toNanos() / 1e9;
            for (Interval each : intervals) {
                lines.add(String.format(Locale.ROOT, "%3d: %8.2f Mops/s  %s", each.index(),
                        each.calls() / seconds / 1e6, each.implementation()));
            }
            lines.add(String.format(Locale.ROOT, "%d calls (%.2f Mops/s), %d writes (%.2f %%), %d failed, %d keys; "
                    + "served by '%s' at the start, '%s' at the end", calls, calls / (seconds * intervals.size()) / 1e6,
                    writes, 100.0 * writes / Math.max(1, calls), failures, keys, before, after));
            return lines;
        }
    }
}
