package io.swapline.api.autonomic;

import java.util.Objects;

/**
 * A closed range of one signal's values, {@code min ≤ value ≤ max}, in which an implementation
 * works well.
 *
 * @param signal the signal's name
 * @param min the lower bound, ≥ 0
 * @param max the upper bound, ≥ {@code min}; may be {@link Double#POSITIVE_INFINITY}
 */
public record SignalRange(String signal, double min, double max) {

    /**
     * Validates the range.
     *
     * @param signal the signal
     * @param min the lower bound
     * @param max the upper bound
     */
    public SignalRange {
        Objects.requireNonNull(signal, "signal");
        if (!(min >= 0) || !(max >= min) || Double.isInfinite(min)) {
            throw new IllegalArgumentException("a range of " + signal + " needs 0 <= min <= max, min finite; was ["
                    + min + ", " + max + "]");
        }
    }

    /**
     * Values up to {@code max}.
     *
     * @param signal the signal
     * @param max the upper bound
     * @return {@code [0, max]}
     */
    public static SignalRange atMost(String signal, double max) {
        return new SignalRange(signal, 0, max);
    }

    /**
     * Values from {@code min} on.
     *
     * @param signal the signal
     * @param min the lower bound
     * @return {@code [min, ∞]}
     */
    public static SignalRange atLeast(String signal, double min) {
        return new SignalRange(signal, min, Double.POSITIVE_INFINITY);
    }

    /**
     * Whether a value lies in the range.
     *
     * @param value a value
     * @return true if {@code min ≤ value ≤ max}
     */
    public boolean contains(double value) {
        return value >= min && value <= max;
    }

    /** For reasons and the shell: {@code contention ≤ 0.100}, {@code writeRatio in [0.200, 0.800]}. */
    @Override
    public String toString() {
        if (min == 0) {
            return signal + " ≤ " + Signals.format(max);
        }
        if (Double.isInfinite(max)) {
            return signal + " ≥ " + Signals.format(min);
        }
        return signal + " in [" + Signals.format(min) + ", " + Signals.format(max) + "]";
    }
}
