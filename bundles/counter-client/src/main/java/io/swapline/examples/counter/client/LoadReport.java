package io.swapline.examples.counter.client;

/**
 * What the client component has seen.
 *
 * @param calls increments that returned normally (acknowledged)
 * @param failures calls that threw
 * @param count the counter's value when the report was made
 * @param implementation what the counter says serves it ({@code Counter.implementation()})
 * @param activations how many times the component class has been activated since its bundle
 *     was loaded; 1 when the client was never restarted
 * @param lastFailure the last failure's message, or null
 */
public record LoadReport(long calls, long failures, long count, String implementation, int activations,
        String lastFailure) {

    @Override
    public String toString() {
        return "calls=" + calls + " failures=" + failures + " count=" + count + " implementation='" + implementation
                + "' activations=" + activations + (lastFailure == null ? "" : " lastFailure=" + lastFailure);
    }
}
