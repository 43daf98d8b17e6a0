package io.swapline.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import java.io.File;

import org.ops4j.pax.exam.Option;

/**
 * Pax Exam options that boot the Swapline platform in Felix: the reusable part of every
 * suite (a later issue turns this class into the test kit bundle developers use).
 *
 * <p>The platform's bundles are provisioned by file, not by {@code mvn:} URL: the reactor's
 * own jars are never installed in a Maven repository, so the build hands each jar's path to
 * the tests as a system property ({@code maven-dependency-plugin:properties} feeds failsafe's
 * {@code systemPropertyVariables}; see this module's pom). Pax Exam's own in-framework bundles
 * still come through pax-url-aether from the local repository.
 */
public final class SwaplineOptions {

    /** The system property prefix under which the build passes each bundle's jar path. */
    public static final String BUNDLE_PROPERTY_PREFIX = "swapline.bundle.";

    private SwaplineOptions() {
    }

    /**
     * The platform as the launcher runs it, minus the shell: Declarative Services, ASM, the
     * Swapline API and core, and JUnit for the probe.
     *
     * @return the options
     */
    public static Option platform() {
        return composite(
                // Fail at boot, with the unresolved bundle named, rather than in a later assertion.
                systemProperty("pax.exam.osgi.unresolved.fail").value("true"),
                // Exam's in-framework logging (pax-logging-api) prints DEBUG to the console by default.
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
                // Framework caches under target/, not in the system's temp folder.
                workingDirectory("target/paxexam"),
                junitBundles(),
                declarativeServices(),
                bundleFile("asm"),
                bundleFile("api"),
                bundleFile("core"));
    }

    /**
     * Felix SCR and the OSGi APIs SCR 2.2 needs installed beside it.
     *
     * @return the options
     */
    public static Option declarativeServices() {
        return composite(
                bundleFile("osgi.util.function"),
                bundleFile("osgi.util.promise"),
                bundleFile("osgi.service.component"),
                bundleFile("scr"));
    }

    /**
     * A bundle whose jar path the build passed as {@code swapline.bundle.<key>}.
     *
     * @param key the key, e.g. {@code core}
     * @return the provisioning option
     * @throws IllegalStateException if the property is missing or names no file
     */
    public static Option bundleFile(String key) {
        String property = BUNDLE_PROPERTY_PREFIX + key;
        String path = System.getProperty(property);
        if (path == null || path.isEmpty()) {
            throw new IllegalStateException("system property " + property + " is not set: run the integration"
                    + " tests through Maven (mvn verify), whose failsafe configuration passes each bundle's jar");
        }
        File jar = new File(path);
        if (!jar.isFile()) {
            throw new IllegalStateException(property + " names " + jar + ", which is not a jar file (is it a"
                    + " classes folder? run at least the package phase)");
        }
        return bundle(jar.toURI().toString());
    }
}
