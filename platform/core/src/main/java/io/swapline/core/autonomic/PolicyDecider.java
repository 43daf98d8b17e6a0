package io.swapline.core.autonomic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import io.swapline.api.autonomic.SignalRange;
import io.swapline.api.autonomic.Signals;
import io.swapline.api.autonomic.Suitability;

/**
 * The policy's decision: a pure function of the policy, the serving implementation, one sample of
 * signals, the time and the pacing of earlier swaps. It reads nothing else and changes nothing.
 *
 * <p>The rules, in the order they are applied (the reason names the one that decided):
 * <ol>
 * <li><b>known</b>: the serving implementation must be one of the candidates;</li>
 * <li><b>leave</b>: it is left only when some signal of its suitability is outside its range
 *     <em>widened</em> by the hysteresis margin (a bound {@code b} becomes {@code b·(1−m)} below
 *     and {@code b·(1+m)} above); a signal absent from the sample means no decision;</li>
 * <li><b>enter</b>: the target is the first other candidate, in the policy's order, that is
 *     authorised and whose every range holds the sample <em>narrowed</em> by the margin ({@code
 *     min·(1+m) ≤ v ≤ max·(1−m)});</li>
 * <li><b>dwell</b>: no swap before the minimum dwell has passed since the last autonomic swap;</li>
 * <li><b>rate</b>: no swap when the window already holds the maximum number of autonomic swaps.</li>
 * </ol>
 * Between neighbouring ranges that share a boundary the margin opens a gap both ways, so a signal
 * that wanders around the boundary swaps at most once; dwell and rate bound the swaps of a
 * signal that swings across the whole gap.
 */
public final class PolicyDecider {

    private PolicyDecider() {
    }

    /**
     * Decides.
     *
     * @param policy the object's policy
     * @param serving the name of the implementation serving now
     * @param signals the sample
     * @param now the time of the sample
     * @param pacing earlier autonomic swaps
     * @return hold or swap, with its reason
     */
    public static PolicyDecision decide(AutonomicPolicy<?> policy, String serving, Signals signals, Instant now,
            SwapPacing pacing) {
        Candidate<?> current = policy.candidate(serving);
        if (current == null) {
            return hold(now, serving, signals, "rule known: " + serving + " is not one of the policy's candidates");
        }
        double margin = policy.hysteresis();
        Fit stay = fit(current.suitability(), signals, 1 - margin, 1 + margin);
        if (stay.unknownSignal != null) {
            return hold(now, serving, signals, "rule leave: " + serving + " did not report " + stay.unknownSignal);
        }
        if (stay.outside == null) {
            return hold(now, serving, signals, "rule leave: " + serving + " still suits (" + current.suitability()
                    + ", " + percent(margin) + " margin to leave)");
        }
        String leaving = serving + " no longer suits: " + stay.outside + " by more than the " + percent(margin)
                + " margin";
        List<String> rejected = new ArrayList<>();
        Candidate<?> target = null;
        for (Candidate<?> candidate : policy.candidates()) {
            if (candidate == current) {
                continue;
            }
            String name = candidate.implementationName();
            if (!policy.isAuthorised(name)) {
                rejected.add(name + " is not authorised");
                continue;
            }
            Fit enter = fit(candidate.suitability(), signals, 1 + margin, 1 - margin);
            if (enter.unknownSignal != null) {
                rejected.add(name + " needs " + enter.unknownSignal + ", not reported");
            } else if (enter.outside != null) {
                rejected.add(name + ": " + enter.outside + " with the margin");
            } else {
                target = candidate;
                break;
            }
        }
        if (target == null) {
            return hold(now, serving, signals, "rule enter: " + leaving + ", but no other candidate suits ("
                    + String.join("; ", rejected) + ")");
        }
        String name = target.implementationName();
        Instant last = pacing.lastAttempt();
        if (last != null && now.isBefore(last.plus(policy.minimumDwell()))) {
            return hold(now, serving, signals, "rule dwell: " + leaving + " and " + name + " suits, but the last "
                    + "autonomic swap was at " + last + ", less than the minimum dwell of "
                    + policy.minimumDwell().toMillis() + " ms ago");
        }
        int recent = pacing.attemptsWithin(now, policy.swapWindow());
        if (recent >= policy.maximumSwaps()) {
            return hold(now, serving, signals, "rule rate: " + leaving + " and " + name + " suits, but " + recent
                    + " autonomic swaps in the last " + policy.swapWindow().toMillis() + " ms is the maximum");
        }
        return new PolicyDecision(now, serving, signals, name, "rules leave and enter: " + leaving + "; " + name
                + " suits (" + target.suitability() + ", inside by the " + percent(margin) + " margin)");
    }

    /**
     * How a sample compares with a suitability whose bounds are scaled: {@code min·minScale},
     * {@code max·maxScale}.
     */
    private static Fit fit(Suitability suitability, Signals signals, double minScale, double maxScale) {
        for (SignalRange range : suitability.ranges()) {
            OptionalDouble value = signals.value(range.signal());
            if (value.isEmpty()) {
                return new Fit(range.signal(), null);
            }
            double v = value.getAsDouble();
            double min = range.min() * minScale;
            double max = range.max() * maxScale;
            if (v < min || v > max) {
                return new Fit(null, range.signal() + "=" + Signals.format(v) + " outside " + range);
            }
        }
        return new Fit(null, null);
    }

    private record Fit(String unknownSignal, String outside) {
    }

    private static PolicyDecision hold(Instant now, String serving, Signals signals, String reason) {
        return new PolicyDecision(now, serving, signals, null, reason);
    }

    private static String percent(double fraction) {
        return Math.round(fraction * 100) + " %";
    }
}
