package io.swapline.osgi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.swapline.core.SwapDeadlines;
import io.swapline.osgi.settings.ReplacementTimeout;
import io.swapline.osgi.settings.SwapDeadlineSettings;

/** Configurations over framework properties, validated key by key, without a framework. */
class ConfiguredSettingsTest {

    private final Map<String, String> framework = new java.util.HashMap<>(Map.of(
            "swapline.swap.block.ms", "3000", "swapline.authorised.counter", "com.example.fast"));
    private final ConfiguredSettings settings = new ConfiguredSettings(framework::get);
    private final List<String> events = new ArrayList<>();

    ConfiguredSettingsTest() {
        settings.listen(new ConfiguredSettings.Listener() {
            @Override
            public void platformChanged() {
                events.add("platform");
            }

            @Override
            public void objectChanged(String objectName) {
                events.add(objectName);
            }
        });
    }

    @Test
    void withoutConfigurationTheFrameworkPropertiesApply() {
        assertEquals("3000", settings.apply("swapline.swap.block.ms"));
        assertNull(settings.apply("swapline.swap.forward.ms"));
        assertEquals(new SwapDeadlines(Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofSeconds(5)),
                SwapDeadlineSettings.from(settings));
    }

    @Test
    void theDefaultsAreTheCoresAndThePolicysOwn() {
        assertEquals(SwapDeadlines.DEFAULT, SwapDeadlineSettings.from(name -> null));
        assertEquals(SwapDeadlines.DEFAULT.forward().toMillis(), SwapDeadlineSettings.FORWARD_DEFAULT_MS);
    }

    @Test
    void aConfiguredValueOverridesTheFrameworkPropertyAndIsReportedWithTheOldOne() {
        ConfiguredSettings.Report report = settings.updated("io.swapline", false,
                dictionary("swap.block.ms", 500L, "swap.forward.ms", "2500", "replacement.timeout.ms", 100));

        assertEquals(List.of(), report.rejections());
        assertEquals(List.of("io.swapline: swap.forward.ms 10000 (default) -> 2500",
                "io.swapline: swap.block.ms 3000 (framework property swapline.swap.block.ms) -> 500",
                "io.swapline: replacement.timeout.ms 5000 (default) -> 100"), report.changes());
        assertEquals(new SwapDeadlines(Duration.ofMillis(2500), Duration.ofMillis(500), Duration.ofSeconds(5)),
                SwapDeadlineSettings.from(settings));
        assertEquals(Duration.ofMillis(100), ReplacementTimeout.from(settings));
        assertEquals(List.of("platform"), events);
    }

    @Test
    void anInvalidValueIsRejectedNamingPidKeyAndReasonAndThePreviousValueStays() {
        settings.updated("io.swapline", false, dictionary("swap.block.ms", "500"));
        events.clear();

        ConfiguredSettings.Report report = settings.updated("io.swapline", false, dictionary("swap.block.ms", "-5"));

        assertEquals(List.of("io.swapline: swap.block.ms=-5 rejected: out of range [0, ∞]; 500 stays in force"),
                report.rejections());
        assertEquals(List.of(), report.changes());
        assertEquals("500", settings.apply("swapline.swap.block.ms"));
        assertEquals(List.of(), events, "nothing changed, nothing to apply");
    }

    @Test
    void anInvalidFirstValueLeavesTheFrameworkPropertyInForce() {
        ConfiguredSettings.Report report = settings.updated("io.swapline", false, dictionary("swap.block.ms", "soon"));

        assertEquals(List.of("io.swapline: swap.block.ms=soon rejected: not a whole number; 3000 (framework property"
                + " swapline.swap.block.ms) stays in force"), report.rejections());
        assertEquals("3000", settings.apply("swapline.swap.block.ms"));
    }

    @Test
    void aKeyRemovedOrTheConfigurationGoneGivesTheFrameworkPropertyBack() {
        settings.updated("io.swapline", false, dictionary("swap.block.ms", "500"));

        ConfiguredSettings.Report report = settings.updated("io.swapline", false, null);

        assertEquals(List.of("io.swapline: swap.block.ms 500 -> 3000 (framework property swapline.swap.block.ms)"),
                report.changes());
        assertEquals("3000", settings.apply("swapline.swap.block.ms"));
    }

    @Test
    void anUnknownKeyIsReportedAndIgnored() {
        ConfiguredSettings.Report report = settings.updated("io.swapline", false,
                dictionary("swap.blok.ms", "500", "service.pid", "io.swapline"));

        assertEquals(1, report.rejections().size(), report::toString);
        assertTrue(report.rejections().get(0).startsWith("io.swapline: swap.blok.ms is not a setting of io.swapline"),
                report.rejections()::toString);
    }

    @Test
    void aFactoryConfigurationNamedAfterTheObjectSetsItsProperties() {
        ConfiguredSettings.Report report = settings.updated("io.swapline.object~counter", true, dictionary(
                "authorised", new String[] { "a.b", " c " }, "policy", "enabled", "policy.hysteresis", "0.5",
                "policy.swaps.max", 2));

        assertEquals(List.of(), report.rejections());
        assertEquals("counter", report.objectName());
        assertEquals("a.b,c", settings.apply("swapline.authorised.counter"));
        assertEquals("enabled", settings.apply("swapline.policy.counter"));
        assertEquals("0.5", settings.apply("swapline.policy.counter.hysteresis"));
        assertEquals("2", settings.apply("swapline.policy.counter.swaps.max"));
        assertNull(settings.apply("swapline.policy.kv"), "another object's settings are not touched");
        assertEquals(List.of("counter"), events);
        assertTrue(report.changes().contains("io.swapline.object~counter: authorised of 'counter' com.example.fast"
                + " (framework property swapline.authorised.counter) -> a.b,c"), report.changes()::toString);
    }

    @Test
    void theKeyObjectNamesTheObjectOfAnUnnamedFactoryConfiguration() {
        settings.updated("io.swapline.object.4f1c", true, dictionary("object", "kv", "authorised", "x.y"));
        assertEquals("x.y", settings.apply("swapline.authorised.kv"));

        ConfiguredSettings.Report none = settings.updated("io.swapline.object.99", true, dictionary("policy", "enabled"));
        assertEquals(1, none.rejections().size());
        assertTrue(none.rejections().get(0).contains("names no object"), none.rejections()::toString);
    }

    @Test
    void aDeletedFactoryConfigurationGivesTheObjectsFrameworkPropertiesBack() {
        settings.updated("io.swapline.object~counter", true, dictionary("authorised", "a.b"));
        events.clear();

        ConfiguredSettings.Report report = settings.deleted("io.swapline.object~counter");

        assertEquals("com.example.fast", settings.apply("swapline.authorised.counter"));
        assertEquals(1, report.changes().size(), report::toString);
        assertEquals(List.of("counter"), events);
    }

    @Test
    void aConfigurationWhoseObjectChangesEndsTheFormerObjectsSettings() {
        settings.updated("io.swapline.object.4f1c", true, dictionary("object", "kv", "authorised", "x.y"));
        events.clear();

        settings.updated("io.swapline.object.4f1c", true, dictionary("object", "other", "authorised", "x.y"));

        assertNull(settings.apply("swapline.authorised.kv"));
        assertEquals("x.y", settings.apply("swapline.authorised.other"));
        assertEquals(List.of("kv", "other"), events);
    }

    @Test
    void invalidObjectValuesAreRejectedOneByOne() {
        ConfiguredSettings.Report report = settings.updated("io.swapline.object~counter", true, dictionary(
                "policy", "on", "policy.hysteresis", 1.0, "policy.sampling.ms", 0L, "authorised", "bad name",
                "policy.dwell.ms", "20"));

        assertEquals(4, report.rejections().size(), report::toString);
        assertTrue(report.rejections().get(0).startsWith("io.swapline.object~counter: authorised=bad name rejected:"
                + " 'bad name' is not a bundle symbolic name"), report.rejections()::toString);
        assertTrue(report.rejections().get(1).contains("policy=on rejected: neither 'enabled' nor 'disabled'"));
        assertTrue(report.rejections().get(2).contains("policy.sampling.ms=0 rejected: out of range [1, ∞]"));
        assertTrue(report.rejections().get(3).contains("policy.hysteresis=1.0 rejected: not a fraction in [0, 1)"));
        assertEquals("20", settings.apply("swapline.policy.counter.dwell.ms"), "the valid key applies");
    }

    @Test
    void settingsReadTheTypesConfigAdminHolds() {
        Setting whole = ConfiguredSettings.PLATFORM.get(0);
        assertEquals("7", whole.validate(7));
        assertEquals("7", whole.validate(" 7 "));
        assertThrows(IllegalArgumentException.class, () -> whole.validate(7.5));
        Setting names = ConfiguredSettings.OBJECT.get(0);
        assertEquals("a,b", names.validate(List.of("a", "b")));
        assertEquals("", names.validate(new String[0]));
        Setting policy = ConfiguredSettings.OBJECT.get(1);
        assertEquals("enabled", policy.validate(Boolean.TRUE));
    }

    private static Hashtable<String, Object> dictionary(Object... keysAndValues) {
        Hashtable<String, Object> dictionary = new Hashtable<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            dictionary.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return dictionary;
    }
}
