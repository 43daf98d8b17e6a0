package io.swapline.testing.exam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.options.ProvisionOption;
import org.ops4j.pax.exam.options.SystemPackageOption;

/** Where the options take each platform bundle from: the baked-in Maven coordinates, or a jar a system property names. */
class SwaplineOptionsTest {

    /** The platform version, passed by this module's pom: what the kit must have baked in. */
    private static final String PLATFORM_VERSION = System.getProperty("expected.swapline.version");
    private static final String CORE_PROPERTY = SwaplineOptions.BUNDLE_PROPERTY_PREFIX + "core";

    @AfterEach
    void clearProperties() {
        System.clearProperty(CORE_PROPERTY);
        System.clearProperty(SwaplineOptions.SLF4J_VERSION_PROPERTY);
    }

    @Test
    void platformBundlesAreMavenUrlsWithThePlatformsVersion() {
        List<String> urls = provisionedUrls(SwaplineOptions.swapline());

        for (String bundle : List.of("io.swapline.api", "io.swapline.core", "io.swapline.osgi")) {
            assertTrue(urls.contains("mvn:io.swapline/" + bundle + "/" + PLATFORM_VERSION), bundle + " in " + urls);
        }
        assertTrue(urls.stream().anyMatch(url -> url.startsWith("mvn:org.apache.felix/org.apache.felix.scr/")), urls::toString);
        assertTrue(urls.stream().anyMatch(url -> url.startsWith("mvn:org.ow2.asm/asm/")), urls::toString);
        assertEquals(List.of(), urls.stream().filter(url -> url.contains("${")).toList(), "every version filtered");
        assertEquals(urls.size(), urls.stream().distinct().count(), "no bundle twice: " + urls);
    }

    @Test
    void aJarNamedBySystemPropertyReplacesTheMavenBundle(@TempDir Path folder) throws IOException {
        Path jar = Files.createFile(folder.resolve("core.jar"));
        System.setProperty(CORE_PROPERTY, jar.toString());

        List<String> urls = provisionedUrls(SwaplineOptions.swapline());

        assertTrue(urls.contains(jar.toFile().toURI().toString()), urls::toString);
        assertEquals(List.of(), urls.stream().filter(url -> url.contains("io.swapline.core")).toList());
    }

    @Test
    void gogoAddsTheShellBundles() {
        List<String> urls = provisionedUrls(SwaplineOptions.gogo());

        assertEquals(3, urls.stream().filter(url -> url.startsWith("mvn:org.apache.felix/org.apache.felix.gogo.")).count(),
                urls::toString);
    }

    @Test
    void slf4jPackagesAreExportedAtThePropertysVersionWhenSet() {
        System.setProperty(SwaplineOptions.SLF4J_VERSION_PROPERTY, "2.0.9");

        List<String> packages = Arrays.stream(OptionUtils.filter(SystemPackageOption.class, SwaplineOptions.slf4j()))
                .map(SystemPackageOption::getPackage).toList();

        assertTrue(packages.contains("org.slf4j;version=2.0.9"), packages::toString);
    }

    @Test
    void aMissingOrWrongJarPropertyFailsWithTheProperty(@TempDir Path folder) {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> SwaplineOptions.bundleFile("core"));
        assertTrue(missing.getMessage().contains(CORE_PROPERTY), missing.getMessage());

        System.setProperty(CORE_PROPERTY, folder.toString());
        IllegalStateException folderInstead = assertThrows(IllegalStateException.class, () -> SwaplineOptions.bundleFile("core"));
        assertTrue(folderInstead.getMessage().contains("not a jar file"), folderInstead.getMessage());
    }

    private static List<String> provisionedUrls(Option option) {
        return Arrays.stream(OptionUtils.filter(ProvisionOption.class, option)).map(ProvisionOption::getURL).toList();
    }
}
