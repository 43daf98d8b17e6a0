package io.swapline.examples.counter.client;

import java.util.List;

/**
 * What the client component has seen.
 *
 * @param calls increments that returned normally (acknowledged), all threads together
 * @param failures calls that threw anything, an {@code Error} too (all threads together)
 * @param count the counter's value when the report was made
 * @param implementation what the counter says serves it ({@code Counter.implementation()})
 * @param activations how many times the component class has been activated since its bundle
 *     was loaded; 1 when the client was never restarted
 * @param lastFailure the last failure's message, or null
 * @param threadCalls each calling thread's acknowledged increments, in the threads' order (empty
 *     when made by the constructor without it): a thread whose count stops growing stopped calling
 * @param deadThreads calling threads that ended before the client stopped them
 * @param firstFailure the first failure of any thread, with the thread's name, or null
 * @since 1.1
 */
public record LoadReport(long calls, long failures, long count, String implementation, int activations,
        String lastFailure, List<Long> threadCalls, int deadThreads, String firstFailure) {

    /**
     * Freezes the per-thread counts.
     *
     * @param calls acknowledged increments
     * @param failures calls that threw
     * @param count the counter's value
     * @param implementation what serves the counter
     * @param activations the component's activations
     * @param lastFailure the last failure, or null
     * @param threadCalls each thread's acknowledged increments
     * @param deadThreads threads that ended early
     * @param firstFailure the first failure, or null
     */
    public LoadReport {
        threadCalls = List.copyOf(threadCalls);
    }

    /**
     * A report without per-thread figures (the report of version 1.0).
     *
     * @param calls acknowledged increments
     * @param failures calls that threw
     * @param count the counter's value
     * @param implementation what serves the counter
     * @param activations the component's activations
     * @param lastFailure the last failure, or null
     */
    public LoadReport(long calls, long failures, long count, String implementation, int activations,
            String lastFailure) {
        this(calls, failures, count, implementation, activations, lastFailure, List.of(), 0, lastFailure);
    }

    @Override
    public String toString() {
        return "calls=" + calls + " failures=" + failures + " count=" + count + " implementation='" + implementation
                + "' activations=" + activations + " threads=" + threadCalls + " deadThreads=" + deadThreads
                + (firstFailure == null ? "" : " firstFailure=" + firstFailure)
                + (lastFailure == null ? "" : " lastFailure=" + lastFailure);
    }
}
