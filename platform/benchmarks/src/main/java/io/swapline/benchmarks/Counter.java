package io.swapline.benchmarks;

/**
 * The interface of the counter benchmark. Public because generated stubs implement it.
 */
public interface Counter {

    /** Adds one. */
    void increment();

    /**
     * The total of all increments so far.
     *
     * @return the sum
     */
    long sum();
}
