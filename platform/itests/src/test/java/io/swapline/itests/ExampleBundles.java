package io.swapline.itests;

import static org.ops4j.pax.exam.CoreOptions.composite;

import java.io.File;

import org.ops4j.pax.exam.Option;

import io.swapline.testing.exam.SwaplineOptions;

/**
 * The example bundles these suites install beside the platform ({@link SwaplineOptions#swapline()}),
 * by the jar paths this module's pom passes as {@code swapline.bundle.<key>}.
 */
final class ExampleBundles {

    private ExampleBundles() {
    }

    /**
     * The example counter: its API bundle and the shared counter 1.0 (object {@code counter}).
     * The 2.0 jar is {@link #jar(String) jar("counter.shared.v2")}, for updates.
     */
    static Option sharedCounter() {
        return composite(SwaplineOptions.bundleFile("counter.api"), SwaplineOptions.bundleFile("counter.shared"));
    }

    /**
     * The jar the build passed as {@code swapline.bundle.<key>}, e.g. to update a bundle from. For
     * test methods, which run inside the framework: the probe holds this class, not the test kit's
     * (the prefix is a constant the compiler copies here).
     */
    static File jar(String key) {
        String property = SwaplineOptions.BUNDLE_PROPERTY_PREFIX + key;
        File jar = new File(System.getProperty(property, ""));
        if (!jar.isFile()) {
            throw new IllegalStateException(property + " names no jar file: '" + jar + "' (run through mvn verify)");
        }
        return jar;
    }
}
