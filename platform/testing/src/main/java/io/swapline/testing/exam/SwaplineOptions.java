package io.swapline.testing.exam;

import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import org.ops4j.pax.exam.Option;

/**
 * Pax Exam options that boot the Swapline platform in the framework under test, for
 * integration tests of bundles that contribute or call clustered objects:
 *
 * <pre>{@code
 * @Configuration
 * public Option[] configuration() {
 *     return options(SwaplineOptions.swapline(),
 *             SwaplineOptions.bundleFile("my.api"), SwaplineOptions.bundleFile("my.impl"));
 * }
 * }</pre>
 *
 * <h2>Where the jars come from</h2>
 * Each platform bundle has a key ({@code api}, {@code core}, {@code osgi}, {@code asm},
 * {@code scr}, {@code osgi.service.component}, {@code osgi.util.promise},
 * {@code osgi.util.function}, {@code gogo.runtime}, {@code gogo.command}, {@code gogo.shell}).
 * By default a bundle is an {@code mvn:} URL with the version this test kit was built with (the
 * platform's own versions, baked in at build time; match your {@code io.swapline.testing}
 * dependency to the platform you run), which Pax Exam resolves through pax-url-aether: from the
 * local Maven repository, else from Maven Central. Point pax-url-aether at your build's
 * repository with the system property {@code org.ops4j.pax.url.mvn.localRepository} (e.g.
 * {@code ${settings.localRepository}} in failsafe's {@code systemPropertyVariables}).
 * When the system property {@code swapline.bundle.<key>} names a jar file, that file is
 * installed instead: that is how a build tests jars that are in no repository, such as the
 * modules of its own reactor (see {@link #bundleFile(String)}).
 *
 * <h2>Class path</h2>
 * The framework runs in the test's JVM (Pax Exam's native container), so the test class path
 * needs the framework (e.g. {@code org.apache.felix.framework}), Pax Exam and SLF4J 2 with a
 * provider (e.g. {@code slf4j-simple}): the system bundle exports SLF4J's packages to the
 * platform bundles, as the Swapline launcher does.
 */
public final class SwaplineOptions {

    /**
     * The system property prefix under which a build passes a bundle's jar path:
     * {@code swapline.bundle.<key>}. A test method runs inside the framework, where this class is
     * not loaded: to update a bundle from such a jar there, read
     * {@code new File(System.getProperty(SwaplineOptions.BUNDLE_PROPERTY_PREFIX + key))} (the
     * compiler copies the constant into the test class).
     */
    public static final String BUNDLE_PROPERTY_PREFIX = PlatformBundles.BUNDLE_PROPERTY_PREFIX;
    /** The system property that overrides the SLF4J version the system bundle exports SLF4J's packages at. */
    public static final String SLF4J_VERSION_PROPERTY = PlatformBundles.SLF4J_VERSION_PROPERTY;

    private SwaplineOptions() {
    }

    /**
     * The platform as the Swapline launcher runs it, without the shell: SLF4J 2 exported by the
     * system bundle, Declarative Services, ASM, the Swapline API, core and extender, and JUnit for
     * Pax Exam's probe. Also: an unresolved bundle fails the boot (naming it), Pax Exam's own
     * logging is at WARN, and the framework's files go to {@code target/paxexam}.
     *
     * @return the options
     */
    public static Option swapline() {
        return composite(
                // Fail at boot, with the unresolved bundle named, rather than in a later assertion.
                systemProperty("pax.exam.osgi.unresolved.fail").value("true"),
                // Exam's in-framework logging (pax-logging-api) prints DEBUG to the console by default.
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
                workingDirectory("target/paxexam"),
                junitBundles(),
                slf4j(),
                declarativeServices(),
                PlatformBundles.platformBundle("asm"),
                PlatformBundles.platformBundle("api"),
                PlatformBundles.platformBundle("core"),
                PlatformBundles.platformBundle("osgi"));
    }

    /**
     * Gogo as the Swapline launcher runs it — the runtime (whose {@code CommandProcessor} runs the
     * {@code swapline:*} commands), Gogo's framework commands ({@code lb}, {@code update}…) and the
     * shell — but without a console ({@code gosh.args=--nointeractive}): a test runs commands
     * through a {@code CommandSession}. Add it to {@link #swapline()}.
     *
     * @return the options
     */
    public static Option gogo() {
        return composite(frameworkProperty("gosh.args").value("--nointeractive"),
                PlatformBundles.platformBundle("gogo.runtime"),
                PlatformBundles.platformBundle("gogo.command"),
                PlatformBundles.platformBundle("gogo.shell"));
    }

    /**
     * SLF4J 2 for the platform bundles: the system bundle exports the SLF4J packages of the test
     * class path at the platform's SLF4J version (or {@value #SLF4J_VERSION_PROPERTY}). Without it
     * the only {@code org.slf4j} in the framework would be Pax Exam's pax-logging-api, SLF4J 1.7,
     * which the Swapline core does not accept. Part of {@link #swapline()}.
     *
     * @return the options
     */
    public static Option slf4j() {
        String version = PlatformBundles.slf4jVersion();
        return systemPackages("org.slf4j;version=" + version, "org.slf4j.spi;version=" + version,
                "org.slf4j.event;version=" + version, "org.slf4j.helpers;version=" + version);
    }

    /**
     * Felix SCR and the OSGi APIs SCR 2.2 needs installed beside it. Part of {@link #swapline()}.
     *
     * @return the options
     */
    public static Option declarativeServices() {
        return composite(
                PlatformBundles.platformBundle("osgi.util.function"),
                PlatformBundles.platformBundle("osgi.util.promise"),
                PlatformBundles.platformBundle("osgi.service.component"),
                PlatformBundles.platformBundle("scr"));
    }

    /**
     * Felix Config Admin and Felix Metatype (with the {@code org.osgi.service.log} API Metatype
     * imports), as the launcher ships them: the extender then reads its settings from the
     * configurations {@code io.swapline} and {@code io.swapline.object~<object>} (see
     * {@code docs/operations.md}, "Configuration"). Not part of {@link #swapline()}: without it,
     * the framework properties apply. Add it to {@link #swapline()}, in any order.
     *
     * @return the options
     */
    public static Option configAdmin() {
        return composite(
                PlatformBundles.platformBundle("configadmin"),
                PlatformBundles.platformBundle("osgi.service.log"),
                PlatformBundles.platformBundle("metatype"));
    }

    /**
     * A bundle from the jar whose path the system property {@code swapline.bundle.<key>} holds:
     * for your own modules, which are in no Maven repository while their reactor builds. In the
     * pom of the module with the tests, {@code maven-dependency-plugin}'s {@code properties} goal
     * sets {@code ${groupId:artifactId:jar}} to each dependency's file, and failsafe passes it on:
     *
     * <pre>{@code
     * <systemPropertyVariables>
     *   <swapline.bundle.my.api>${com.example:my-api:jar}</swapline.bundle.my.api>
     * </systemPropertyVariables>
     * }</pre>
     *
     * @param key the key, e.g. {@code my.api}
     * @return the provisioning option
     * @throws IllegalStateException if the property is missing or names no file
     */
    public static Option bundleFile(String key) {
        return PlatformBundles.fileBundle(key);
    }
}
