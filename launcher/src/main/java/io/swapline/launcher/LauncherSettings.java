package io.swapline.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the launcher starts: the bundle folder and the framework properties. Defaults come
 * from {@code framework.properties} beside this class and from the launcher's folder (the cache,
 * and {@code etc}, where FileInstall reads the configurations). A system
 * property overrides a default of the same name, and every system property in a framework
 * namespace ({@code org.osgi.*}, {@code felix.*}, {@code gosh.*}, {@code swapline.*}) is passed
 * on; the command line ({@code --cache}, {@code --clean}, the bundle folder) wins over both.
 *
 * @param bundleFolder the folder whose jars are installed
 * @param frameworkProperties the properties given to the framework factory
 */
record LauncherSettings(Path bundleFolder, Map<String, String> frameworkProperties) {

    /** The system property naming the bundle folder. */
    static final String BUNDLES_PROPERTY = "swapline.bundles";
    /** The standard property naming the framework's cache folder. */
    static final String STORAGE = "org.osgi.framework.storage";
    /** The standard property that, set to {@code onFirstInit}, empties the cache at the start. */
    static final String STORAGE_CLEAN = "org.osgi.framework.storage.clean";
    /** FileInstall's folder of configurations ({@code .cfg} files), by default etc beside the jar. */
    static final String CONFIGURATIONS = "felix.fileinstall.dir";

    private static final String DEFAULTS = "framework.properties";
    // System properties in these namespaces are framework configuration, passed on as they are;
    // swapline.* are the extender's (authorisation, policies, deadlines).
    private static final String[] FRAMEWORK_NAMESPACES = {"org.osgi.", "felix.", "gosh.", "swapline."};

    LauncherSettings {
        frameworkProperties = Map.copyOf(frameworkProperties);
    }

    /** @return the framework's cache folder ({@value #STORAGE}) */
    Path cacheFolder() {
        return Path.of(frameworkProperties.get(STORAGE));
    }

    /**
     * The settings for one launch. The command line wins over system properties, which win over
     * {@code framework.properties}.
     *
     * @param system the system properties
     * @param home the launcher's folder: defaults are relative to it
     * @param arguments the command line
     * @return the settings
     */
    static LauncherSettings from(Properties system, Path home, LauncherArguments arguments) {
        Map<String, String> defaults = defaults();
        Map<String, String> properties = new TreeMap<>(defaults);
        properties.put(STORAGE, home.resolve("felix-cache").toString());
        properties.put(CONFIGURATIONS, home.resolve("etc").toString());
        for (String name : system.stringPropertyNames()) {
            if (defaults.containsKey(name) || isFrameworkProperty(name)) {
                properties.put(name, system.getProperty(name));
            }
        }
        if (arguments.cacheFolder() != null) {
            properties.put(STORAGE, arguments.cacheFolder().toString());
        }
        properties.put(STORAGE, Path.of(properties.get(STORAGE)).toAbsolutePath().normalize().toString());
        if (arguments.clean()) {
            properties.put(STORAGE_CLEAN, "onFirstInit");
        }
        Path bundles = arguments.bundleFolder() != null ? arguments.bundleFolder()
                : Path.of(system.getProperty(BUNDLES_PROPERTY, home.resolve("bundles").toString()));
        return new LauncherSettings(bundles.toAbsolutePath().normalize(), properties);
    }

    private static boolean isFrameworkProperty(String name) {
        for (String namespace : FRAMEWORK_NAMESPACES) {
            if (name.startsWith(namespace)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> defaults() {
        Properties defaults = new Properties();
        try (InputStream in = LauncherSettings.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the launcher jar");
            }
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS, e);
        }
        Map<String, String> result = new TreeMap<>();
        for (String name : defaults.stringPropertyNames()) {
            result.put(name, defaults.getProperty(name));
        }
        return result;
    }
}
