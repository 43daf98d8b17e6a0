package io.swapline.chaos;

import java.security.SecureRandom;
import java.time.Duration;

/** The system properties that size and replay these tests (README.md of this module). */
final class ChaosSettings {

    private ChaosSettings() {
    }

    /** The seed in {@code property}, or a new random one when it is unset or empty. */
    static long seed(String property) {
        String value = System.getProperty(property, "").trim();
        return value.isEmpty() ? new SecureRandom().nextLong() : Long.parseLong(value);
    }

    static long number(String property, long defaultValue) {
        String value = System.getProperty(property, "").trim();
        return value.isEmpty() ? defaultValue : Long.parseLong(value);
    }

    /** {@code swapline.chaos.stuck.seconds}: no progress for this long is a hang. */
    static Duration stuckLimit() {
        return Duration.ofSeconds(number("swapline.chaos.stuck.seconds", 30));
    }
}
