package io.swapline.api.autonomic;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Which workloads an implementation suits: ranges over named signals, all of which must hold.
 * A component author publishes one per implementation, next to it:
 *
 * <pre>{@code
 * // one AtomicLong: best while threads rarely collide on it
 * public static final Suitability SUITS = Suitability.of(SignalRange.atMost("contention", 0.10));
 * // one cell per slot: best once they do
 * public static final Suitability SUITS = Suitability.of(SignalRange.atLeast("contention", 0.10));
 * }</pre>
 *
 * <p><b>How a policy compares them.</b> An implementation <em>fits</em> a sample when every
 * signal its ranges name is present in the sample and inside its range. The policy widens the
 * ranges by its hysteresis margin to decide whether the serving implementation still fits, and
 * narrows them by the same margin to decide whether another one fits well enough to swap to; so
 * neighbouring implementations should share their boundary (as above) and the margin makes the
 * gap. A signal a range names that the serving implementation does not report means "unknown":
 * nothing fits on it, so no swap happens. Keep suitabilities few and simple; they are shown, with
 * the signal values, in every autonomic swap's reason.
 */
public final class Suitability {

    private final List<SignalRange> ranges;

    private Suitability(List<SignalRange> ranges) {
        this.ranges = ranges;
    }

    /**
     * A suitability made of ranges that must all hold.
     *
     * @param ranges at least one range; one per signal
     * @return the suitability
     * @throws IllegalArgumentException if there is no range or a signal has two
     */
    public static Suitability of(SignalRange... ranges) {
        List<SignalRange> list = List.of(ranges);
        if (list.isEmpty()) {
            throw new IllegalArgumentException("a suitability needs at least one signal range");
        }
        if (list.stream().map(SignalRange::signal).distinct().count() != list.size()) {
            throw new IllegalArgumentException("one range per signal: " + list);
        }
        return new Suitability(list);
    }

    /**
     * The ranges, in declaration order.
     *
     * @return an unmodifiable list
     */
    public List<SignalRange> ranges() {
        return ranges;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Suitability suitability && suitability.ranges.equals(ranges);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ranges);
    }

    /** For reasons and the shell: {@code contention ≤ 0.100 and writeRatio ≥ 0.500}. */
    @Override
    public String toString() {
        return ranges.stream().map(SignalRange::toString).collect(Collectors.joining(" and "));
    }
}
