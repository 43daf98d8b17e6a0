package io.swapline.benchmarks.update;

import java.util.Locale;

/**
 * What one phase measured.
 *
 * @param name the phase
 * @param calls calls made (acknowledged and failed)
 * @param acknowledged increments that returned normally
 * @param failedCalls calls that threw, or look-ups that found no service
 * @param expected the count the service should have at the end: its count before + acknowledged
 * @param stateLost expected − count of the service registered at the end
 * @param longestCallMs the longest single call (look-up included)
 * @param longestWindowMs the longest time no matching service was registered
 * @param totalWindowMs all such time added up
 * @param longestUpdateMs the longest {@code Bundle.update} call
 * @param implementation what the service registered at the end says it is
 */
record PhaseResult(String name, long calls, long acknowledged, long failedCalls, long expected, long stateLost, double longestCallMs,
        double longestWindowMs, double totalWindowMs, double longestUpdateMs, String implementation) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%-30s calls %,12d  failed %,12d  state lost %,10d  longest call %7.2f ms"
                + "  no-service window longest %6.2f ms total %7.2f ms  longest update %6.1f ms  serving: %s",
                name, calls, failedCalls, stateLost, longestCallMs, longestWindowMs, totalWindowMs, longestUpdateMs,
                implementation);
    }
}
