package io.swapline.osgi.settings;

import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the extender's settings: framework properties, through the extender's
 * {@link BundleContext} (so a launch or system property; the platform has no Config Admin). A
 * value that is not valid is logged (WARN) and the default used: a typo in a setting must not stop
 * the platform.
 */
public final class FrameworkProperties {

    private static final Logger LOG = LoggerFactory.getLogger(FrameworkProperties.class);

    private FrameworkProperties() {
    }

    /**
     * A whole number in a range.
     *
     * @param context the extender's context
     * @param property the property
     * @param defaultValue the value if unset or not valid
     * @param min the least valid value
     * @param max the greatest valid value
     * @return the property's value, or the default
     */
    public static long wholeNumber(BundleContext context, String property, long defaultValue, long min, long max) {
        String value = context.getProperty(property);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) { // reported below, with the default used instead
            LOG.debug("{}={} is not a number", property, value);
        }
        LOG.warn("{}={} is not a whole number >= {}; using {}", property, value, min, defaultValue);
        return defaultValue;
    }
}
