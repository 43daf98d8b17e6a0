package io.swapline.core.autonomic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.swapline.api.Root;
import io.swapline.api.autonomic.Suitability;

/**
 * How one object moves between implementations by itself: the candidates (in order of
 * preference), how often to sample, how far signals must go past a boundary before it acts
 * (hysteresis), how long an implementation serves at least after an autonomic swap (dwell), how
 * many autonomic swaps a time window allows (rate), and which candidates are authorised now.
 *
 * <p>Immutable; build one with {@link #builder()}.
 *
 * @param <T> the object's interface
 */
public final class AutonomicPolicy<T> {

    private final List<Candidate<T>> candidates;
    private final Duration samplingPeriod;
    private final double hysteresis;
    private final Duration minimumDwell;
    private final int maximumSwaps;
    private final Duration swapWindow;
    private final Predicate<String> authorised;
    private final PolicySwapper<T> swapper;

    private AutonomicPolicy(Builder<T> builder) {
        this.candidates = List.copyOf(builder.candidates);
        this.samplingPeriod = builder.samplingPeriod;
        this.hysteresis = builder.hysteresis;
        this.minimumDwell = builder.minimumDwell;
        this.maximumSwaps = builder.maximumSwaps;
        this.swapWindow = builder.swapWindow;
        this.authorised = builder.authorised;
        this.swapper = builder.swapper;
    }

    /**
     * Starts a policy: sampling every second, 25 % hysteresis, 10 s dwell, at most 4 swaps a
     * minute, every candidate authorised.
     *
     * @param <T> the object's interface
     * @return a builder
     */
    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /**
     * The candidates in order of preference: when several fit, the first wins.
     *
     * @return an unmodifiable list
     */
    public List<Candidate<T>> candidates() {
        return candidates;
    }

    /**
     * The candidate with the given implementation name.
     *
     * @param implementationName a name
     * @return the candidate, or null if none has that name
     */
    public Candidate<T> candidate(String implementationName) {
        for (Candidate<T> candidate : candidates) {
            if (candidate.implementationName().equals(implementationName)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * How often the serving implementation's signals are sampled.
     *
     * @return the period
     */
    public Duration samplingPeriod() {
        return samplingPeriod;
    }

    /**
     * The hysteresis margin, a fraction of each range bound: the serving implementation is left
     * only once a signal is past a bound by this fraction of the bound, and another is entered
     * only once every signal is inside its bounds by this fraction.
     *
     * @return the margin, 0 (none) to below 1
     */
    public double hysteresis() {
        return hysteresis;
    }

    /**
     * The least time between an autonomic swap and the next.
     *
     * @return the dwell
     */
    public Duration minimumDwell() {
        return minimumDwell;
    }

    /**
     * The most autonomic swaps (attempts, whatever their outcome) in any {@link #swapWindow()}.
     *
     * @return the maximum
     */
    public int maximumSwaps() {
        return maximumSwaps;
    }

    /**
     * The window {@link #maximumSwaps()} counts in.
     *
     * @return the window
     */
    public Duration swapWindow() {
        return swapWindow;
    }

    /**
     * Whether a candidate may be swapped to now (installed, allowed for the object); asked at
     * every decision, so the answer may change.
     *
     * @param implementationName the candidate's name
     * @return true if it may serve the object
     */
    public boolean isAuthorised(String implementationName) {
        return authorised.test(implementationName);
    }

    /**
     * How decided swaps are carried out.
     *
     * @return the swapper, or null: the runtime's swap with a root from the candidate's factory
     */
    public PolicySwapper<T> swapper() {
        return swapper;
    }

    /** One line for the shell. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("every ").append(samplingPeriod.toMillis()).append(" ms, hysteresis ")
                .append(Math.round(hysteresis * 100)).append(" %, dwell ").append(minimumDwell.toMillis())
                .append(" ms, at most ").append(maximumSwaps).append(" swaps per ").append(swapWindow.toMillis())
                .append(" ms; candidates:");
        candidates.forEach(candidate -> text.append(' ').append(candidate.implementationName())
                .append(" (").append(candidate.suitability()).append(')'));
        return text.toString();
    }

    /**
     * Builds a policy.
     *
     * @param <T> the object's interface
     */
    public static final class Builder<T> {

        private final List<Candidate<T>> candidates = new ArrayList<>();
        private Duration samplingPeriod = Duration.ofSeconds(1);
        private double hysteresis = 0.25;
        private Duration minimumDwell = Duration.ofSeconds(10);
        private int maximumSwaps = 4;
        private Duration swapWindow = Duration.ofMinutes(1);
        private Predicate<String> authorised = name -> true;
        private PolicySwapper<T> swapper;

        private Builder() {
        }

        /**
         * Adds a candidate, after those added before (lower preference).
         *
         * @param implementationName the implementation name its roots report
         * @param factory makes a new root per swap
         * @param suitability the workloads it suits
         * @return this builder
         */
        public Builder<T> candidate(String implementationName, Supplier<? extends Root<? extends T>> factory,
                Suitability suitability) {
            Candidate<T> candidate = new Candidate<>(implementationName, factory, suitability);
            if (candidates.stream().anyMatch(c -> c.implementationName().equals(implementationName))) {
                throw new IllegalArgumentException("two candidates named " + implementationName);
            }
            candidates.add(candidate);
            return this;
        }

        /**
         * Sets the sampling period.
         *
         * @param period a positive duration
         * @return this builder
         */
        public Builder<T> samplingPeriod(Duration period) {
            this.samplingPeriod = positive(period, "sampling period");
            return this;
        }

        /**
         * Sets the hysteresis margin.
         *
         * @param margin a fraction of each bound, 0 to below 1
         * @return this builder
         */
        public Builder<T> hysteresis(double margin) {
            if (!(margin >= 0 && margin < 1)) {
                throw new IllegalArgumentException("hysteresis must be in [0, 1), was " + margin);
            }
            this.hysteresis = margin;
            return this;
        }

        /**
         * Sets the minimum dwell after an autonomic swap.
         *
         * @param dwell zero or more
         * @return this builder
         */
        public Builder<T> minimumDwell(Duration dwell) {
            Objects.requireNonNull(dwell, "dwell");
            if (dwell.isNegative()) {
                throw new IllegalArgumentException("dwell must not be negative");
            }
            this.minimumDwell = dwell;
            return this;
        }

        /**
         * Sets the maximum swap rate.
         *
         * @param swaps at least 1
         * @param window a positive duration
         * @return this builder
         */
        public Builder<T> maximumSwaps(int swaps, Duration window) {
            if (swaps < 1) {
                throw new IllegalArgumentException("at least one swap per window, was " + swaps);
            }
            this.maximumSwaps = swaps;
            this.swapWindow = positive(window, "swap window");
            return this;
        }

        /**
         * Sets which candidates are authorised (by implementation name).
         *
         * @param authorised asked at every decision
         * @return this builder
         */
        public Builder<T> authorised(Predicate<String> authorised) {
            this.authorised = Objects.requireNonNull(authorised, "authorised");
            return this;
        }

        /**
         * Sets how decided swaps are carried out, for a layer with its own swap path; the
         * candidates' factories are then not called by the policy.
         *
         * @param swapper called on the policy's thread
         * @return this builder
         */
        public Builder<T> swapper(PolicySwapper<T> swapper) {
            this.swapper = Objects.requireNonNull(swapper, "swapper");
            return this;
        }

        /**
         * The policy. One with fewer than two candidates only holds; where candidates come and go
         * (bundles), {@link AutonomicPolicies#update} gives it the current ones.
         *
         * @return a new policy
         */
        public AutonomicPolicy<T> build() {
            return new AutonomicPolicy<>(this);
        }

        private static Duration positive(Duration duration, String what) {
            Objects.requireNonNull(duration, what);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, was " + duration);
            }
            return duration;
        }
    }
}
