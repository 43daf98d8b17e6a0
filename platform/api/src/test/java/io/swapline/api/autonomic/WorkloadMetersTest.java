package io.swapline.api.autonomic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

class WorkloadMetersTest {

    @Test
    void stripedCounterIsExactForOneThread() {
        StripedCounter counter = new StripedCounter();
        for (int i = 0; i < 1_000; i++) {
            counter.increment();
        }
        counter.add(24);
        assertEquals(1_024, counter.sum());
    }

    @Test
    void stripedCounterCountsEveryThreadWhenTheyDoNotRace() throws InterruptedException {
        StripedCounter counter = new StripedCounter();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> counter.add(10));
            thread.start();
            thread.join(); // one at a time: no lost update is possible
        }
        assertEquals(80, counter.sum());
    }

    @Test
    void ratioMeterReportsEventsPerOperationOfEachIntervalAndNaNWithoutOperations() {
        RatioMeter meter = new RatioMeter();
        assertTrue(Double.isNaN(meter.sample()), "no operation yet");
        for (int i = 0; i < 4; i++) {
            meter.countOperation();
        }
        meter.countEvent();
        assertEquals(0.25, meter.sample());
        meter.countOperation();
        meter.countOperation();
        meter.countEvents(3);
        assertEquals(1.5, meter.sample(), "only this interval counts");
        assertTrue(Double.isNaN(meter.sample()), "an idle interval has no data");
    }

    @Test
    void signalsLeaveOutNaNAndRejectNegativeOrInfiniteValues() {
        Signals signals = Signals.builder().put("writeRatio", 0.5).put("contention", Double.NaN).build();
        assertEquals(Map.of("writeRatio", 0.5), signals.asMap());
        assertEquals(OptionalDouble.empty(), signals.value("contention"));
        assertEquals("writeRatio=0.500", signals.toString());
        assertThrows(IllegalArgumentException.class, () -> Signals.builder().put("x", -1));
        assertThrows(IllegalArgumentException.class, () -> Signals.builder().put("x", Double.POSITIVE_INFINITY));
    }

    @Test
    void suitabilityReadsAsItsRanges() {
        Suitability suitability = Suitability.of(SignalRange.atMost("contention", 0.1),
                SignalRange.atLeast("writeRatio", 0.5), new SignalRange("slots", 2, 4));
        assertEquals("contention ≤ 0.100 and writeRatio ≥ 0.500 and slots in [2.000, 4.000]", suitability.toString());
        assertTrue(SignalRange.atLeast("contention", 0.1).contains(7));
        assertThrows(IllegalArgumentException.class, () -> Suitability.of());
        assertThrows(IllegalArgumentException.class,
                () -> Suitability.of(SignalRange.atMost("a", 1), SignalRange.atLeast("a", 2)));
        assertThrows(IllegalArgumentException.class, () -> new SignalRange("a", 2, 1));
    }
}
