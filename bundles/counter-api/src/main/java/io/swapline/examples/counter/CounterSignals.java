package io.swapline.examples.counter;

/**
 * The workload signals of the {@link Counter} family, by which an autonomic policy moves a
 * counter between implementations ({@code io.swapline.api.autonomic}). Every implementation that
 * reports a signal reports it in the unit defined here: measured where it can, estimated where it
 * cannot, so that a policy compares one implementation's sample with another's suitability.
 */
public final class CounterSignals {

    /**
     * {@value}: compare-and-set retries per 1,000 increments of one shared cell over the
     * sampling interval — how often an increment found that another thread had incremented
     * between its read and its compare-and-set. 0 with one calling thread; grows with the number of threads incrementing
     * at the same moment and with their rate. A counter with one cell measures it; a counter
     * with a cell per slot estimates what one cell would see at the rate and spread of its
     * increments (and adds the retries of threads that share a slot's cell). Absent from a
     * sample when no increment happened in the interval.
     */
    public static final String CONTENTION = "contention";

    private CounterSignals() {
    }
}
