package io.swapline.benchmarks;

/**
 * The interface of the call-path workloads: one cheap read and one atomic write, so that the
 * call path's own cost shows against both a near-free body and a body of a few nanoseconds.
 *
 * <p>Public because generated stubs, which live in their own class loaders, implement it.
 */
public interface Cell {

    /**
     * The getter workload: returns a field.
     *
     * @return the cell's fixed value
     */
    long get();

    /**
     * The increment workload: increments an {@code AtomicLong}.
     *
     * @return the new count
     */
    long increment();
}
