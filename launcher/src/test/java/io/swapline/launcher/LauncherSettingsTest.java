package io.swapline.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class LauncherSettingsTest {

    private static final Path HOME = Path.of("/opt/swapline");
    private static final LauncherArguments NONE = LauncherArguments.parse();

    @Test
    void configurationsAreReadFromEtcBesideTheJarUnlessAPropertySaysOtherwise() {
        assertEquals(HOME.resolve("etc").toString(), LauncherSettings.from(new Properties(), HOME, NONE)
                .frameworkProperties().get(LauncherSettings.CONFIGURATIONS));
        Properties system = new Properties();
        system.setProperty("felix.fileinstall.dir", "/srv/etc");
        assertEquals("/srv/etc", LauncherSettings.from(system, HOME, NONE).frameworkProperties()
                .get(LauncherSettings.CONFIGURATIONS));
    }

    @Test
    void defaultsKeepTheCacheBesideTheJarAndExportSlf4jAtItsVersion() {
        LauncherSettings settings = LauncherSettings.from(new Properties(), HOME, NONE);

        assertEquals(HOME.resolve("bundles"), settings.bundleFolder());
        assertEquals(HOME.resolve("felix-cache"), settings.cacheFolder());
        // emptied at every start until issue 12: a bundle updated in the shell was back at its folder version
        assertFalse(settings.frameworkProperties().containsKey(LauncherSettings.STORAGE_CLEAN));
        String extra = settings.frameworkProperties().get("org.osgi.framework.system.packages.extra");
        String version = org.slf4j.LoggerFactory.class.getPackage().getImplementationVersion();
        assertEquals(List.of("org.slf4j;version=" + version, "org.slf4j.spi;version=" + version,
                "org.slf4j.event;version=" + version, "org.slf4j.helpers;version=" + version),
                List.of(extra.split(",")));
    }

    @Test
    void frameworkSystemPropertiesOverrideDefaultsAndOthersStayOut() {
        Properties system = new Properties();
        system.setProperty("org.osgi.framework.storage.clean", "none");
        system.setProperty("gosh.args", "--nointeractive");
        system.setProperty("felix.log.level", "4");
        system.setProperty("user.home", "/root");

        LauncherSettings settings = LauncherSettings.from(system, HOME, NONE);

        assertEquals("none", settings.frameworkProperties().get("org.osgi.framework.storage.clean"));
        assertEquals("--nointeractive", settings.frameworkProperties().get("gosh.args"));
        assertEquals("4", settings.frameworkProperties().get("felix.log.level"));
        assertFalse(settings.frameworkProperties().containsKey("user.home"));
    }

    @Test
    void aSwaplineSystemPropertyOverridesItsLineInFrameworkProperties() {
        // -Dswapline.policy.counter=disabled left the policy enabled: swapline.* was not passed on.
        Properties system = new Properties();
        system.setProperty("swapline.policy.counter", "disabled");
        system.setProperty("swapline.authorised.other", "com.example.other");

        LauncherSettings settings = LauncherSettings.from(system, HOME, NONE);

        assertEquals("disabled", settings.frameworkProperties().get("swapline.policy.counter"));
        assertEquals("com.example.other", settings.frameworkProperties().get("swapline.authorised.other"));
    }

    @Test
    void everyLineOfFrameworkPropertiesCanBeOverridden() {
        Map<String, String> defaults = LauncherSettings.from(new Properties(), HOME, NONE).frameworkProperties();
        Properties system = new Properties();
        for (String name : defaults.keySet()) {
            system.setProperty(name, "/overridden"); // a path: the cache folder is made absolute
        }

        Map<String, String> overridden = LauncherSettings.from(system, HOME, NONE).frameworkProperties();

        for (String name : defaults.keySet()) {
            assertEquals("/overridden", overridden.get(name), name);
        }
    }

    @Test
    void cleanEmptiesTheCacheAndTheCacheOptionWinsOverTheProperty() {
        Properties system = new Properties();
        system.setProperty(LauncherSettings.STORAGE, "/srv/cache-from-property");

        LauncherSettings settings = LauncherSettings.from(system, HOME,
                LauncherArguments.parse("--clean", "--cache", "/srv/cache-from-option"));

        assertEquals("onFirstInit", settings.frameworkProperties().get(LauncherSettings.STORAGE_CLEAN));
        assertEquals(Path.of("/srv/cache-from-option"), settings.cacheFolder());
        assertEquals(Path.of("/srv/cache-from-property"), LauncherSettings.from(system, HOME, NONE).cacheFolder());
    }

    @Test
    void theArgumentWinsOverThePropertyWhichWinsOverTheDefault() {
        Properties system = new Properties();
        system.setProperty(LauncherSettings.BUNDLES_PROPERTY, "/srv/from-property");

        assertEquals(Path.of("/srv/from-property"), LauncherSettings.from(system, HOME, NONE).bundleFolder());
        assertEquals(Path.of("/srv/from-argument"),
                LauncherSettings.from(system, HOME, LauncherArguments.parse("/srv/from-argument")).bundleFolder());
    }
}
