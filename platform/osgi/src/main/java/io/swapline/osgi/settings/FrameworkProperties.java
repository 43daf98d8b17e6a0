package io.swapline.osgi.settings;

import java.util.function.UnaryOperator;

import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the extender's settings by their framework property names, from a property source: the
 * extender's {@link BundleContext} (a launch or system property), or Config Admin's values over
 * it (the config package's {@code ConfiguredSettings}, which rejects invalid configured values
 * before they get here). A value that is not valid is logged (WARN) and the default used: a typo
 * in a setting must not stop the platform.
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
        return wholeNumber(context::getProperty, property, defaultValue, min, max);
    }

    /**
     * A whole number in a range.
     *
     * @param properties the property source: a framework property's name to its value, or null
     * @param property the property
     * @param defaultValue the value if unset or not valid
     * @param min the least valid value
     * @param max the greatest valid value
     * @return the property's value, or the default
     */
    public static long wholeNumber(UnaryOperator<String> properties, String property, long defaultValue, long min,
            long max) {
        String value = properties.apply(property);
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
