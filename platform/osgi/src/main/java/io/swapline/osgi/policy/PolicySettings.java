package io.swapline.osgi.policy;

import java.time.Duration;
import java.util.function.UnaryOperator;

import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.swapline.core.autonomic.AutonomicPolicy;
import io.swapline.osgi.settings.FrameworkProperties;

/**
 * One object's autonomic policy settings, by framework property name, read from a property source:
 * the extender's {@link BundleContext} (a launch or system property), with the keys {@code policy},
 * {@code policy.sampling.ms}, ... of the object's configuration {@code io.swapline.object~<object>}
 * over them when Config Admin has one (the config package's {@code ConfiguredSettings}):
 * <pre>
 * swapline.policy.&lt;object&gt;=enabled            opt in (default: disabled; the shell can enable it)
 * swapline.policy.&lt;object&gt;.sampling.ms=1000    how often the serving implementation's signals are sampled
 * swapline.policy.&lt;object&gt;.hysteresis=0.25    margin on each range bound, 0 to below 1
 * swapline.policy.&lt;object&gt;.dwell.ms=10000      least time between two autonomic swaps
 * swapline.policy.&lt;object&gt;.swaps.max=4         most autonomic swaps in ...
 * swapline.policy.&lt;object&gt;.swaps.window.ms=60000 ... this window
 * </pre>
 * A value that is not valid is logged (WARN) and its default used. Read when the object is
 * created, when the shell enables its policy and when its configuration changes.
 *
 * @param enabled whether the policy starts enabled
 * @param samplingPeriod the sampling period
 * @param hysteresis the margin
 * @param minimumDwell the dwell
 * @param maximumSwaps the rate's maximum
 * @param swapWindow the rate's window
 */
public record PolicySettings(boolean enabled, Duration samplingPeriod, double hysteresis, Duration minimumDwell,
        int maximumSwaps, Duration swapWindow) {

    /** The property prefix; the object name follows it, then the setting's suffix, if any. */
    public static final String PREFIX = "swapline.policy.";

    private static final Logger LOG = LoggerFactory.getLogger(PolicySettings.class);

    /**
     * The settings of one object.
     *
     * @param context the extender's context
     * @param objectName the object
     * @return its settings, defaults where unset or not valid
     */
    static PolicySettings read(BundleContext context, String objectName) {
        return read(context::getProperty, objectName);
    }

    /**
     * The settings of one object.
     *
     * @param context the property source: a framework property's name to its value, or null
     * @param objectName the object
     * @return its settings, defaults where unset or not valid
     */
    static PolicySettings read(UnaryOperator<String> context, String objectName) {
        String prefix = PREFIX + objectName;
        return new PolicySettings(enabled(context, prefix),
                millis(context, prefix + ".sampling.ms", 1_000, 1),
                fraction(context, prefix + ".hysteresis", 0.25),
                millis(context, prefix + ".dwell.ms", 10_000, 0),
                (int) FrameworkProperties.wholeNumber(context, prefix + ".swaps.max", 4, 1, Integer.MAX_VALUE),
                millis(context, prefix + ".swaps.window.ms", 60_000, 1));
    }

    /**
     * Applies the settings to a policy under construction.
     *
     * @param builder the builder
     * @param <T> the object's interface
     * @return the builder
     */
    <T> AutonomicPolicy.Builder<T> applyTo(AutonomicPolicy.Builder<T> builder) {
        return builder.samplingPeriod(samplingPeriod).hysteresis(hysteresis).minimumDwell(minimumDwell)
                .maximumSwaps(maximumSwaps, swapWindow);
    }

    private static boolean enabled(UnaryOperator<String> context, String property) {
        String value = context.apply(property);
        if (value == null || value.isBlank() || value.trim().equals("disabled")) {
            return false;
        }
        if (value.trim().equals("enabled")) {
            return true;
        }
        LOG.warn("{}={} is neither 'enabled' nor 'disabled'; the policy stays disabled", property, value);
        return false;
    }

    private static Duration millis(UnaryOperator<String> context, String property, long defaultMillis, long minMillis) {
        return Duration.ofMillis(FrameworkProperties.wholeNumber(context, property, defaultMillis, minMillis, Long.MAX_VALUE));
    }

    private static double fraction(UnaryOperator<String> context, String property, double defaultValue) {
        String value = context.apply(property);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            double fraction = Double.parseDouble(value.trim());
            if (fraction >= 0 && fraction < 1) {
                return fraction;
            }
        } catch (NumberFormatException e) { // reported below, with the default used instead
            LOG.debug("{}={} is not a number", property, value);
        }
        LOG.warn("{}={} is not a fraction in [0, 1); using {}", property, value, defaultValue);
        return defaultValue;
    }

    /** @return e.g. {@code every 1000 ms, hysteresis 25 %, dwell 10000 ms, at most 4 swaps per 60000 ms} */
    public String describe() {
        return "every " + samplingPeriod.toMillis() + " ms, hysteresis " + Math.round(hysteresis * 100) + " %, dwell "
                + minimumDwell.toMillis() + " ms, at most " + maximumSwaps + " swaps per " + swapWindow.toMillis() + " ms";
    }
}
