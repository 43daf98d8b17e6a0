package io.swapline.osgi.internal;

import java.time.Duration;

import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long one call on an object whose implementation stopped waits for a replacement: the
 * framework property {@value #PROPERTY} (milliseconds; a system property works too, as
 * {@link BundleContext#getProperty} falls back to them), {@value #DEFAULT_MS} ms by default.
 * Read once, when the extender starts.
 */
final class ReplacementTimeout {

    /** The framework property. */
    static final String PROPERTY = "swapline.replacement.timeout.ms";
    /** The default, in milliseconds. */
    static final long DEFAULT_MS = 5_000;

    private static final Logger LOG = LoggerFactory.getLogger(ReplacementTimeout.class);

    private ReplacementTimeout() {
    }

    /**
     * @param context the extender's context
     * @return the configured timeout, or the default if unset or not a non-negative number (logged)
     */
    static Duration from(BundleContext context) {
        String value = context.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return Duration.ofMillis(DEFAULT_MS);
        }
        try {
            long millis = Long.parseLong(value.trim());
            if (millis >= 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) { // reported below, with the default used instead
            LOG.debug("{}={} is not a number", PROPERTY, value);
        }
        LOG.warn("{}={} is not a number of milliseconds >= 0; using {} ms", PROPERTY, value, DEFAULT_MS);
        return Duration.ofMillis(DEFAULT_MS);
    }
}
