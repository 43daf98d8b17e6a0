package io.swapline.benchmarks.autonomic;

import java.util.Locale;

/**
 * One measured phase of one configuration.
 *
 * @param mops calls per microsecond over the whole phase, from its first moment: with a policy,
 *     including the time it takes to notice the new load and to swap
 * @param mopsAfterSwap calls per microsecond from the first moment another implementation served
 *     to the end of the phase, or NaN if none did
 * @param swapMillis when, from the start of the phase, another implementation was first seen
 *     serving (polled every {@value PhaseMeter#POLL_MILLIS} ms), or NaN
 */
record PhaseResult(double mops, double mopsAfterSwap, double swapMillis) {

    /** The three figures, for the child JVM's result line. */
    String encode() {
        return String.format(Locale.ROOT, "%f,%f,%f", mops, mopsAfterSwap, swapMillis);
    }

    /**
     * Reads {@link #encode()}'s form.
     *
     * @param text the three figures
     * @return the result
     */
    static PhaseResult decode(String text) {
        String[] fields = text.split(",");
        return new PhaseResult(Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2]));
    }
}
