package io.swapline.testing.exam;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.ops4j.pax.exam.Option;

/**
 * Where each bundle of the platform comes from: a jar file when the system property
 * {@code swapline.bundle.<key>} names one, otherwise its Maven coordinates as this test kit was
 * built with ({@code platform.properties}, filtered by the build), as an {@code mvn:} URL.
 */
final class PlatformBundles {

    /** The system property prefix under which a build passes a bundle's jar path. */
    static final String BUNDLE_PROPERTY_PREFIX = "swapline.bundle.";
    /** The system property that overrides the SLF4J version the system bundle exports. */
    static final String SLF4J_VERSION_PROPERTY = "swapline.slf4j.version";

    private static final Properties BUILT_WITH = load("platform.properties");

    private PlatformBundles() {
    }

    /** The platform bundle {@code key}: the jar of {@code swapline.bundle.<key>} if set, else its {@code mvn:} URL. */
    static Option platformBundle(String key) {
        if (System.getProperty(BUNDLE_PROPERTY_PREFIX + key) != null) {
            return fileBundle(key);
        }
        String[] coordinates = builtWith("bundle." + key).split(":");
        return mavenBundle(coordinates[0], coordinates[1], coordinates[2]);
    }

    /** The SLF4J version the system bundle exports: {@code swapline.slf4j.version}, else the platform's. */
    static String slf4jVersion() {
        return System.getProperty(SLF4J_VERSION_PROPERTY, builtWith("slf4j.version"));
    }

    /** The jar of {@code swapline.bundle.<key>}, as a bundle option. */
    static Option fileBundle(String key) {
        return bundle(jar(key).toURI().toString());
    }

    /** The jar file {@code swapline.bundle.<key>} names; fails if unset or not a file. */
    static File jar(String key) {
        String property = BUNDLE_PROPERTY_PREFIX + key;
        String path = System.getProperty(property);
        if (path == null || path.isEmpty()) {
            throw new IllegalStateException("system property " + property + " is not set: pass the jar's path,"
                    + " e.g. from maven-dependency-plugin:properties in failsafe's systemPropertyVariables");
        }
        File jar = new File(path);
        if (!jar.isFile()) {
            throw new IllegalStateException(property + " names " + jar + ", which is not a jar file (is it a"
                    + " classes folder? run at least the package phase)");
        }
        return jar;
    }

    private static String builtWith(String key) {
        String value = BUILT_WITH.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("no platform bundle " + key.substring(key.indexOf('.') + 1)
                    + "; known: " + BUILT_WITH.stringPropertyNames());
        }
        return value;
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = PlatformBundles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test kit jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " of the test kit", e);
        }
        return properties;
    }
}
