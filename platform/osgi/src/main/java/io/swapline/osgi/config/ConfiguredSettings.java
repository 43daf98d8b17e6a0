package io.swapline.osgi.config;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.swapline.osgi.settings.ReplacementTimeout;
import io.swapline.osgi.settings.SwapDeadlineSettings;

/**
 * The extender's settings as one property source: a framework property's name to its value,
 * where Config Admin's configurations ({@value PlatformConfiguration#PID} and the factory
 * configurations {@value ObjectConfiguration#FACTORY_PID}) override the framework properties.
 * Everything that reads a setting ({@code ImplementationAuthorisation}, {@code PolicySettings},
 * {@code ReplacementTimeout}, {@code SwapDeadlineSettings}) reads it through {@link #apply}, at
 * the moment it needs it.
 *
 * <p>A configuration is validated key by key when it arrives ({@link #updated}): a valid value
 * replaces the previous one (one INFO line with the old and the new value); a value that is not
 * valid is rejected with one WARN line naming the PID, the key and the reason, and the previous
 * value stays in force; a key removed from the configuration (or a configuration deleted) gives
 * the framework property's value back. Without Config Admin nothing calls {@link #updated}, and
 * this is the framework properties.
 *
 * <p><b>Threads.</b> {@link #updated} and {@link #deleted} are called on Config Admin's thread and
 * are serialised by this object's monitor; {@link #apply} is called on any thread, under any of
 * the extender's locks, and takes none (it reads an immutable snapshot). The {@link Listener} is
 * called after the monitor is released, so it may take the extender's locks.
 */
public final class ConfiguredSettings implements UnaryOperator<String> {

    /** Told what changed; called on the thread that delivered the configuration, without locks. */
    public interface Listener {
        /** A setting of {@value PlatformConfiguration#PID} changed. */
        void platformChanged();

        /**
         * A setting of an object changed.
         *
         * @param objectName the object
         */
        void objectChanged(String objectName);
    }

    /** The settings of {@value PlatformConfiguration#PID}. */
    public static final List<Setting> PLATFORM = List.of(
            Setting.whole("swap.forward.ms", SwapDeadlineSettings.FORWARD, 0, Long.MAX_VALUE,
                    SwapDeadlineSettings.FORWARD_DEFAULT_MS),
            Setting.whole("swap.block.ms", SwapDeadlineSettings.BLOCK, 0, Long.MAX_VALUE,
                    SwapDeadlineSettings.BLOCK_DEFAULT_MS),
            Setting.whole("swap.transfer.ms", SwapDeadlineSettings.TRANSFER, 0, Long.MAX_VALUE,
                    SwapDeadlineSettings.TRANSFER_DEFAULT_MS),
            Setting.whole("replacement.timeout.ms", ReplacementTimeout.PROPERTY, 0, Long.MAX_VALUE,
                    ReplacementTimeout.DEFAULT_MS));

    /** The settings of an object's {@value ObjectConfiguration#FACTORY_PID} configuration. */
    public static final List<Setting> OBJECT = List.of(
            new Setting("authorised", "swapline.authorised.<object>", Setting.Kind.NAMES, 0, 0, "none"),
            new Setting("policy", "swapline.policy.<object>", Setting.Kind.SWITCH, 0, 0, "disabled"),
            Setting.whole("policy.sampling.ms", "swapline.policy.<object>.sampling.ms", 1, Long.MAX_VALUE,
                    ObjectConfiguration.SAMPLING_DEFAULT_MS),
            new Setting("policy.hysteresis", "swapline.policy.<object>.hysteresis", Setting.Kind.FRACTION, 0, 0,
                    Double.toString(ObjectConfiguration.HYSTERESIS_DEFAULT)),
            Setting.whole("policy.dwell.ms", "swapline.policy.<object>.dwell.ms", 0, Long.MAX_VALUE,
                    ObjectConfiguration.DWELL_DEFAULT_MS),
            Setting.whole("policy.swaps.max", "swapline.policy.<object>.swaps.max", 1, Integer.MAX_VALUE,
                    ObjectConfiguration.SWAPS_MAX_DEFAULT),
            Setting.whole("policy.swaps.window.ms", "swapline.policy.<object>.swaps.window.ms", 1, Long.MAX_VALUE,
                    ObjectConfiguration.SWAPS_WINDOW_DEFAULT_MS));

    /** The key that names the object of a factory configuration whose name does not. */
    public static final String OBJECT_KEY = "object";

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredSettings.class);

    /** Keys Config Admin and its file installers add; not settings, not reported. */
    private static final Set<String> CONFIG_ADMIN_KEYS = Set.of("service.pid", "service.factoryPid",
            "service.bundleLocation", "felix.fileinstall.filename", OBJECT_KEY);

    private final UnaryOperator<String> frameworkProperties;
    private volatile Listener listener;

    /** Guarded by this: each configuration's PID to what it sets. */
    private final Map<String, Applied> byPid = new HashMap<>();
    /** Framework property name to configured value, merged over every configuration; replaced whole. */
    private volatile Map<String, String> configured = Map.of();

    /** @param frameworkProperties the framework properties (e.g. {@code BundleContext::getProperty}) */
    public ConfiguredSettings(UnaryOperator<String> frameworkProperties) {
        this.frameworkProperties = frameworkProperties;
    }

    /** @param listener told of every change from now on */
    public void listen(Listener listener) {
        this.listener = listener;
    }

    /**
     * @param property a framework property name
     * @return its configured value, else the framework property's, else null
     */
    @Override
    public String apply(String property) {
        String value = configured.get(property);
        return value != null ? value : frameworkProperties.apply(property);
    }

    /**
     * A configuration was created or changed (or, with null, is not there).
     *
     * @param pid its PID: {@value PlatformConfiguration#PID}, or a factory configuration's of
     *     {@value ObjectConfiguration#FACTORY_PID}
     * @param factory whether it is a factory configuration of {@value ObjectConfiguration#FACTORY_PID}
     * @param properties its properties, or null
     * @return what it did, one line per change or rejection (also logged)
     */
    public Report updated(String pid, boolean factory, Dictionary<String, ?> properties) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (properties != null) {
            for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                values.put(key, properties.get(key));
            }
        }
        Report report;
        Report former = null;
        synchronized (this) {
            String objectName = factory ? objectName(pid, values.get(OBJECT_KEY)) : null;
            Applied previous = byPid.get(pid);
            if (previous != null && previous.objectName != null && !previous.objectName.equals(objectName)) {
                former = apply(pid, previous.objectName, OBJECT, Map.of()); // its 'object' changed: the former object's settings end
                byPid.remove(pid);
                merge();
            }
            if (factory && objectName == null) {
                report = new Report(null, List.of(), List.of(pid + ": names no object: name the configuration "
                        + ObjectConfiguration.FACTORY_PID + "~<object> or set '" + OBJECT_KEY + "'; ignored"));
            } else {
                report = apply(pid, objectName, factory ? OBJECT : PLATFORM, values);
            }
        }
        if (former != null) {
            former.log();
            notifyListener(former);
        }
        report.log();
        notifyListener(report);
        return report;
    }

    /**
     * A factory configuration was deleted: its object's framework properties apply again.
     *
     * @param pid its PID
     * @return what it did
     */
    public Report deleted(String pid) {
        Report report;
        synchronized (this) {
            Applied applied = byPid.get(pid);
            report = applied == null ? new Report(null, List.of(), List.of())
                    : apply(pid, applied.objectName, OBJECT, Map.of());
            byPid.remove(pid);
            merge();
        }
        report.log();
        notifyListener(report);
        return report;
    }

    /** Holding the monitor. */
    private Report apply(String pid, String objectName, List<Setting> settings, Map<String, Object> values) {
        Applied previous = byPid.get(pid);
        Map<String, String> before = previous == null || !sameObject(previous.objectName, objectName) ? Map.of()
                : previous.values;
        Map<String, String> next = new LinkedHashMap<>();
        List<String> changes = new ArrayList<>();
        List<String> rejections = new ArrayList<>();
        for (Setting setting : settings) {
            String property = setting.propertyFor(objectName);
            Object raw = values.get(setting.key());
            if (raw == null) {
                continue; // not configured: the framework property applies
            }
            try {
                next.put(property, setting.validate(raw));
            } catch (IllegalArgumentException e) {
                String kept = before.get(property);
                if (kept != null) {
                    next.put(property, kept);
                }
                rejections.add(pid + ": " + setting.key() + "=" + describe(raw) + " rejected: " + e.getMessage() + "; "
                        + effective(setting, property, kept) + " stays in force");
            }
        }
        for (String key : values.keySet()) {
            if (!CONFIG_ADMIN_KEYS.contains(key) && settings.stream().noneMatch(s -> s.key().equals(key))) {
                rejections.add(pid + ": " + key + " is not a setting of " + (objectName == null ? PlatformConfiguration.PID
                        : ObjectConfiguration.FACTORY_PID) + "; ignored (settings: "
                        + String.join(", ", settings.stream().map(Setting::key).toList()) + ")");
            }
        }
        for (Setting setting : settings) {
            String property = setting.propertyFor(objectName);
            String was = effective(setting, property, before.get(property));
            String now = effective(setting, property, next.get(property));
            if (!was.equals(now)) {
                changes.add(pid + ": " + setting.key() + (objectName == null ? "" : " of '" + objectName + "'") + " "
                        + was + " -> " + now);
            }
        }
        byPid.put(pid, new Applied(objectName, Map.copyOf(next)));
        merge();
        return new Report(objectName, changes, rejections);
    }

    /** Holding the monitor: the snapshot {@link #apply} reads. */
    private void merge() {
        Map<String, String> merged = new HashMap<>();
        byPid.values().forEach(applied -> merged.putAll(applied.values));
        configured = Map.copyOf(merged);
    }

    private String effective(Setting setting, String property, String configuredValue) {
        if (configuredValue != null) {
            return configuredValue;
        }
        String framework = frameworkProperties.apply(property);
        return framework != null ? framework + " (framework property " + property + ")"
                : setting.defaultValue() + " (default)";
    }

    private void notifyListener(Report report) {
        Listener current = listener;
        if (current == null || report.changes.isEmpty()) {
            return;
        }
        if (report.objectName == null) {
            current.platformChanged();
        } else {
            current.objectChanged(report.objectName);
        }
    }

    private static String objectName(String pid, Object objectKey) {
        if (objectKey != null && !objectKey.toString().isBlank()) {
            return objectKey.toString().trim();
        }
        int tilde = pid.indexOf('~');
        return tilde < 0 || tilde == pid.length() - 1 ? null : pid.substring(tilde + 1);
    }

    private static boolean sameObject(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static String describe(Object raw) {
        return raw instanceof Object[] array ? java.util.Arrays.toString(array) : String.valueOf(raw);
    }

    /** What one configuration set: its object (null for the platform's) and its valid values by framework property. */
    private record Applied(String objectName, Map<String, String> values) {
    }

    /**
     * What a configuration changed.
     *
     * @param objectName the object it configures, or null for the platform's
     * @param changes one line per setting whose value changed: {@code <pid>: <key> <old> -> <new>}
     * @param rejections one line per value rejected (or key ignored), naming the PID, the key and the reason
     */
    public record Report(String objectName, List<String> changes, List<String> rejections) {
        void log() {
            changes.forEach(line -> LOG.info("configuration {}", line));
            rejections.forEach(line -> LOG.warn("configuration {}", line));
        }
    }
}
