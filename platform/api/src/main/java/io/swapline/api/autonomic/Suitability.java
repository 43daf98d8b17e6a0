package io.swapline.api.autonomic;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * <p>In a bundle, declare it as text on the implementation instead, where the platform can read it
 * without loading the class: {@code @SwappableImplementation(object = "counter", type =
 * Counter.class, suits = "contention <= 0.10")} (see {@link #parse(String)}).
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

    private static final String NUMBER = "([0-9]+(?:\\.[0-9]+)?)";
    private static final Pattern RANGE = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_.]*)\\s*(?:(<=|≤|>=|≥)\\s*"
            + NUMBER + "|in\\s*\\[\\s*" + NUMBER + "\\s*,\\s*" + NUMBER + "\\s*\\])\\s*");

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
     * Reads a suitability written as text, the form {@code @SwappableImplementation(suits = …)}
     * takes and {@link #toString()} prints: ranges joined by {@code and}, each one of
     * {@code name <= max}, {@code name >= min} or {@code name in [min, max]} ({@code ≤} and
     * {@code ≥} are accepted too), with non-negative decimal numbers.
     *
     * <pre>{@code
     * Suitability.parse("contention <= 0.10")
     * Suitability.parse("readRatio >= 0.8 and keys in [0, 100000]")
     * }</pre>
     *
     * @param text the ranges
     * @return the suitability
     * @throws IllegalArgumentException naming the part that is not a range, or as {@link #of}
     */
    public static Suitability parse(String text) {
        Objects.requireNonNull(text, "text");
        List<SignalRange> list = new ArrayList<>();
        for (String part : text.split("\\band\\b", -1)) {
            Matcher range = RANGE.matcher(part);
            if (!range.matches()) {
                throw new IllegalArgumentException("not a signal range: '" + part.strip() + "' in '" + text
                        + "' (expected 'name <= max', 'name >= min' or 'name in [min, max]')");
            }
            String signal = range.group(1);
            if (range.group(2) == null) {
                list.add(new SignalRange(signal, Double.parseDouble(range.group(4)),
                        Double.parseDouble(range.group(5))));
            } else if (range.group(2).equals("<=") || range.group(2).equals("≤")) {
                list.add(SignalRange.atMost(signal, Double.parseDouble(range.group(3))));
            } else {
                list.add(SignalRange.atLeast(signal, Double.parseDouble(range.group(3))));
            }
        }
        return of(list.toArray(SignalRange[]::new));
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
