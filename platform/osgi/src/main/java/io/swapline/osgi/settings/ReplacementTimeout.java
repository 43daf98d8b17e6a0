package io.swapline.osgi.settings;

import java.time.Duration;
import java.util.function.UnaryOperator;

import org.osgi.framework.BundleContext;

/**
 * How long one call on an object whose implementation stopped waits for a replacement: the
 * framework property {@value #PROPERTY} (milliseconds; a system property works too, as
 * {@link BundleContext#getProperty} falls back to them), {@value #DEFAULT_MS} ms by default; the
 * key {@code replacement.timeout.ms} of the configuration {@code io.swapline} overrides it. Read
 * each time an object starts to wait, so a change applies to the next wait.
 */
public final class ReplacementTimeout {

    /** The framework property. */
    public static final String PROPERTY = "swapline.replacement.timeout.ms";
    /** The default, in milliseconds. */
    public static final long DEFAULT_MS = 5_000;

    private ReplacementTimeout() {
    }

    /**
     * @param context the extender's context
     * @return the configured timeout, or the default if unset or not a non-negative number (logged)
     */
    public static Duration from(BundleContext context) {
        return from(context::getProperty);
    }

    /**
     * @param properties the property source (framework property name to value, or null)
     * @return the configured timeout, or the default if unset or not a non-negative number (logged)
     */
    public static Duration from(UnaryOperator<String> properties) {
        return Duration.ofMillis(FrameworkProperties.wholeNumber(properties, PROPERTY, DEFAULT_MS, 0, Long.MAX_VALUE));
    }
}
