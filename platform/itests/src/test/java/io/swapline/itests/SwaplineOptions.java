package io.swapline.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;
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
    /** The system property under which the build passes the SLF4J version of the class path. */
    public static final String SLF4J_VERSION_PROPERTY = "swapline.slf4j.version";

    private SwaplineOptions() {
    }

    /**
     * The platform as the launcher runs it, minus the shell and the examples: SLF4J 2 exported by
     * the system bundle, Declarative Services, ASM, the Swapline API, core and extender, and JUnit
     * for the probe.
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
                slf4j(),
                declarativeServices(),
                bundleFile("asm"),
                bundleFile("api"),
                bundleFile("core"),
                bundleFile("osgi"));
    }

    /**
     * The example counter: its API bundle and the shared counter 1.0 (object {@code counter}).
     * The 2.0 jar is {@link #bundleJar(String) bundleJar("counter.shared.v2")}, for updates.
     *
     * @return the options
     */
    public static Option sharedCounter() {
        return composite(bundleFile("counter.api"), bundleFile("counter.shared"));
    }

    /**
     * Gogo as the launcher runs it — the runtime (the {@code CommandProcessor} that runs
     * {@code swapline:*} commands), Gogo's framework commands ({@code lb}, {@code update}…) and
     * the shell, whose converters turn a bundle id into a {@code Bundle} — but without a console
     * ({@code gosh.args=--nointeractive}): tests run commands through a {@code CommandSession}.
     *
     * @return the options
     */
    public static Option gogo() {
        return composite(frameworkProperty("gosh.args").value("--nointeractive"),
                bundleFile("gogo.runtime"), bundleFile("gogo.command"), bundleFile("gogo.shell"));
    }

    /**
     * SLF4J 2 for platform bundles, as the launcher provides it: the system bundle exports the
     * SLF4J packages of the test class path (slf4j-api and slf4j-simple). Without this the only
     * {@code org.slf4j} in the framework would be pax-logging-api's 1.7, which a bundle built
     * against SLF4J 2 does not accept.
     *
     * @return the options
     */
    public static Option slf4j() {
        String version = requiredProperty(SLF4J_VERSION_PROPERTY);
        return systemPackages("org.slf4j;version=" + version, "org.slf4j.spi;version=" + version,
                "org.slf4j.event;version=" + version, "org.slf4j.helpers;version=" + version);
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
        return bundle(bundleJar(key).toURI().toString());
    }

    /**
     * The jar file the build passed as {@code swapline.bundle.<key>}, e.g. to update a bundle from.
     *
     * @param key the key, e.g. {@code counter.shared.v2}
     * @return the jar
     * @throws IllegalStateException if the property is missing or names no file
     */
    public static File bundleJar(String key) {
        String property = BUNDLE_PROPERTY_PREFIX + key;
        File jar = new File(requiredProperty(property));
        if (!jar.isFile()) {
            throw new IllegalStateException(property + " names " + jar + ", which is not a jar file (is it a"
                    + " classes folder? run at least the package phase)");
        }
        return jar;
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("system property " + name + " is not set: run the integration tests"
                    + " through Maven (mvn verify), whose failsafe configuration passes it");
        }
        return value;
    }
}
