package io.swapline.osgi.settings;

import java.time.Duration;

import org.osgi.framework.BundleContext;

/**
 * How long one call on an object whose implementation stopped waits for a replacement: the
 * framework property {@value #PROPERTY} (milliseconds; a system property works too, as
 * {@link BundleContext#getProperty} falls back to them), {@value #DEFAULT_MS} ms by default.
 * Read once, when the extender starts.
 */
public final class ReplacementTimeout {

    /** The framework property. */
    static final String PROPERTY = "swapline.replacement.timeout.ms";
    /** The default, in milliseconds. */
    static final long DEFAULT_MS = 5_000;

    private ReplacementTimeout() {
    }

    /**
     * @param context the extender's context
     * @return the configured timeout, or the default if unset or not a non-negative number (logged)
     */
    public static Duration from(BundleContext context) {
        return Duration.ofMillis(FrameworkProperties.wholeNumber(context, PROPERTY, DEFAULT_MS, 0, Long.MAX_VALUE));
    }
}
