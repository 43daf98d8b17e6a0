package io.swapline.api.autonomic;

/**
 * Events per operation over each sampling interval, for example CAS retries per increment
 * ({@code contention}) or writes per call ({@code writeRatio}). Counting is a
 * {@link StripedCounter} addition; the ratio is computed only when the platform samples.
 *
 * <pre>{@code
 * public long increment() {                      // in a shared Rep
 *     long seen;
 *     while (!value.compareAndSet(seen = value.get(), seen + 1)) {
 *         contention.countEvent();               // another thread got there first
 *     }
 *     contention.countOperation();
 *     return seen + 1;
 * }
 * }</pre>
 *
 * <p>Thread roles: any thread counts; {@link #sample()} is called by the sampler, one call at a
 * time (it is synchronized, so a second caller only shortens the first one's interval).
 */
public final class RatioMeter {

    private final StripedCounter events = new StripedCounter();
    private final StripedCounter operations = new StripedCounter();
    private long eventsAtLastSample; // guarded by this
    private long operationsAtLastSample; // guarded by this

    /** A meter with nothing counted. */
    public RatioMeter() {
    }

    /** Counts one operation (the denominator). */
    public void countOperation() {
        operations.increment();
    }

    /** Counts one event (the numerator). */
    public void countEvent() {
        events.increment();
    }

    /**
     * Counts several events.
     *
     * @param n the number of events
     */
    public void countEvents(long n) {
        events.add(n);
    }

    /**
     * Events per operation since the previous sample (or since the meter was made), and starts a
     * new interval.
     *
     * @return the ratio, or {@link Double#NaN} if no operation was counted in the interval (no
     *     data: {@link Signals.Builder#put} leaves such a signal out)
     */
    public synchronized double sample() {
        long eventTotal = events.sum();
        long operationTotal = operations.sum();
        long newEvents = eventTotal - eventsAtLastSample;
        long newOperations = operationTotal - operationsAtLastSample;
        eventsAtLastSample = eventTotal;
        operationsAtLastSample = operationTotal;
        if (newOperations <= 0) {
            return Double.NaN;
        }
        return Math.max(0, newEvents) / (double) newOperations; // a lost stripe update can make a delta negative
    }
}
