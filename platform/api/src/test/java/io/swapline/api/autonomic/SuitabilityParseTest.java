package io.swapline.api.autonomic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SuitabilityParseTest {

    @Test
    void readsEachFormOfRange() {
        assertEquals(Suitability.of(SignalRange.atMost("contention", 0.1)), Suitability.parse("contention <= 0.10"));
        assertEquals(Suitability.of(SignalRange.atLeast("readRatio", 0.8)), Suitability.parse("readRatio>=0.8"));
        assertEquals(Suitability.of(new SignalRange("keys", 10, 1000)), Suitability.parse(" keys in [10, 1000] "));
    }

    @Test
    void readsRangesJoinedByAnd() {
        assertEquals(Suitability.of(SignalRange.atLeast("readRatio", 0.8), SignalRange.atMost("contention", 2)),
                Suitability.parse("readRatio >= 0.8 and contention <= 2"));
    }

    @Test
    void readsWhatToStringPrints() {
        Suitability suitability = Suitability.of(SignalRange.atMost("contention", 0.1),
                SignalRange.atLeast("writeRatio", 0.5), new SignalRange("slots", 2, 64));
        assertEquals(suitability, Suitability.parse(suitability.toString()));
    }

    @Test
    void namesThePartThatIsNotARange() {
        IllegalArgumentException notARange = assertThrows(IllegalArgumentException.class,
                () -> Suitability.parse("readRatio >= 0.8 and contention < 2"));
        assertTrue(notARange.getMessage().contains("'contention < 2'"), notARange.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Suitability.parse(""));
        assertThrows(IllegalArgumentException.class, () -> Suitability.parse("x >= -1"));
        assertThrows(IllegalArgumentException.class, () -> Suitability.parse("x in [2, 1]"));
        assertThrows(IllegalArgumentException.class, () -> Suitability.parse("x <= 1 and x >= 0"));
    }
}
