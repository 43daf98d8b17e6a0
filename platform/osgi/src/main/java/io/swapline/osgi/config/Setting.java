package io.swapline.osgi.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One configurable setting: its key in a configuration, the framework property it overrides, its
 * type and range. {@link #validate} turns what Config Admin holds (a {@code String} from a
 * {@code .cfg} file, a {@code Long} or {@code String[]} from a typed configuration) into the
 * text the framework property would hold, or says why it is not valid. The ranges here are the
 * ones the metatype ({@link PlatformConfiguration}, {@link ObjectConfiguration}) shows.
 *
 * @param key the key in the configuration, e.g. {@code swap.forward.ms}
 * @param property the framework property, with {@code <object>} for the object's name
 * @param kind how the value is read
 * @param min the least whole number (for {@link Kind#WHOLE})
 * @param max the greatest whole number (for {@link Kind#WHOLE})
 * @param defaultValue the default when neither the configuration nor the framework property sets it, as text
 */
public record Setting(String key, String property, Kind kind, long min, long max, String defaultValue) {

    /** The types of setting. */
    public enum Kind {
        /** A whole number in {@code [min, max]}. */
        WHOLE,
        /** A number in [0, 1). */
        FRACTION,
        /** {@code enabled} or {@code disabled}. */
        SWITCH,
        /** Bundle symbolic names: a {@code String[]}, a collection, or one comma-separated string. */
        NAMES
    }

    /** A symbolic name's characters (OSGi's {@code symbolic-name}: tokens separated by dots). */
    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    static Setting whole(String key, String property, long min, long max, long defaultValue) {
        return new Setting(key, property, Kind.WHOLE, min, max, Long.toString(defaultValue));
    }

    /**
     * @param objectName the object, for a per-object setting
     * @return the framework property this setting overrides
     */
    public String propertyFor(String objectName) {
        return property.replace("<object>", objectName == null ? "" : objectName);
    }

    /**
     * Reads a configured value.
     *
     * @param raw the value as Config Admin holds it
     * @return the value as the framework property would say it
     * @throws IllegalArgumentException with the reason, one line, if it is not valid
     */
    public String validate(Object raw) {
        return switch (kind) {
            case WHOLE -> Long.toString(whole(raw));
            case FRACTION -> Double.toString(fraction(raw));
            case SWITCH -> onOff(raw);
            case NAMES -> String.join(",", names(raw));
        };
    }

    private long whole(Object raw) {
        long value;
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            value = ((Number) raw).longValue();
        } else if (raw instanceof String text) {
            try {
                value = Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a whole number");
            }
        } else {
            throw new IllegalArgumentException("not a whole number (a " + raw.getClass().getSimpleName() + ")");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("out of range [" + min + ", " + (max == Long.MAX_VALUE ? "∞" : max) + "]");
        }
        return value;
    }

    private static double fraction(Object raw) {
        double value;
        if (raw instanceof Number number) {
            value = number.doubleValue();
        } else if (raw instanceof String text) {
            try {
                value = Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number");
            }
        } else {
            throw new IllegalArgumentException("not a number (a " + raw.getClass().getSimpleName() + ")");
        }
        if (!(value >= 0 && value < 1)) { // NaN too
            throw new IllegalArgumentException("not a fraction in [0, 1)");
        }
        return value;
    }

    private static String onOff(Object raw) {
        if (raw instanceof Boolean flag) {
            return flag ? "enabled" : "disabled";
        }
        String text = raw.toString().trim().toLowerCase(Locale.ROOT);
        if (text.equals("enabled") || text.equals("disabled")) {
            return text;
        }
        throw new IllegalArgumentException("neither 'enabled' nor 'disabled'");
    }

    private static List<String> names(Object raw) {
        List<String> items = new ArrayList<>();
        if (raw instanceof String text) {
            items.addAll(Arrays.asList(text.split(",")));
        } else if (raw instanceof String[] array) {
            items.addAll(Arrays.asList(array));
        } else if (raw instanceof Collection<?> collection) {
            collection.forEach(item -> items.add(String.valueOf(item)));
        } else {
            throw new IllegalArgumentException("not a list of bundle symbolic names (a " + raw.getClass().getSimpleName() + ")");
        }
        List<String> names = new ArrayList<>();
        for (String item : items) {
            String name = item.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!SYMBOLIC_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' is not a bundle symbolic name");
            }
            names.add(name);
        }
        return names;
    }
}
