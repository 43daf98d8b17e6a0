package io.swapline.api.autonomic;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One sample of an implementation's workload signals: finite, non-negative values by name. A
 * signal that had no data in the interval is absent, not zero.
 */
public final class Signals {

    /** A sample with no signal. */
    public static final Signals NONE = new Signals(new TreeMap<>());

    private final Map<String, Double> values;

    private Signals(TreeMap<String, Double> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Starts a sample.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A signal's value.
     *
     * @param name the signal
     * @return its value, or empty if it is absent from this sample
     */
    public OptionalDouble value(String name) {
        Double value = values.get(name);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /**
     * All values, by name in alphabetical order.
     *
     * @return an unmodifiable map
     */
    public Map<String, Double> asMap() {
        return values;
    }

    /**
     * Whether the sample holds no signal.
     *
     * @return true if empty
     */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Signals signals && signals.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** For reasons and the shell: {@code contention=0.312, writeRatio=0.050}. */
    @Override
    public String toString() {
        if (values.isEmpty()) {
            return "no signals";
        }
        return values.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + format(entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    /**
     * Formats a signal value the way reasons and the shell show it.
     *
     * @param value a value
     * @return three decimals, or {@code ∞}
     */
    public static String format(double value) {
        return Double.isInfinite(value) ? "∞" : String.format(Locale.ROOT, "%.3f", value);
    }

    /** Collects the values of one sample. */
    public static final class Builder {

        private final TreeMap<String, Double> values = new TreeMap<>();

        private Builder() {
        }

        /**
         * Adds a signal; a {@link Double#NaN} value means "no data in this interval" and is left
         * out.
         *
         * @param name the signal's name, as the interface family defines it
         * @param value a finite value ≥ 0, or NaN
         * @return this builder
         * @throws IllegalArgumentException if the value is negative or infinite
         */
        public Builder put(String name, double value) {
            Objects.requireNonNull(name, "name");
            if (Double.isNaN(value)) {
                return this;
            }
            if (value < 0 || Double.isInfinite(value)) {
                throw new IllegalArgumentException("signal " + name + " must be finite and >= 0, was " + value);
            }
            values.put(name, value);
            return this;
        }

        /**
         * The sample.
         *
         * @return the signals put so far
         */
        public Signals build() {
            return new Signals(new TreeMap<>(values));
        }
    }
}
