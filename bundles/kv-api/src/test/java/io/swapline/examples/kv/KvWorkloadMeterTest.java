package io.swapline.examples.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.swapline.api.autonomic.Signals;

class KvWorkloadMeterTest {

    @Test
    void writeRatioIsWritesPerOperationOfTheIntervalAndKeysIsWhatTheStoreSays() {
        KvWorkloadMeter meter = new KvWorkloadMeter();
        for (int i = 0; i < 30; i++) {
            meter.countRead();
        }
        for (int i = 0; i < 10; i++) {
            meter.countWrite();
        }

        Signals first = meter.sample(7);
        assertEquals(0.25, first.value(KvSignals.WRITE_RATIO).orElseThrow());
        assertEquals(7, first.value(KvSignals.KEYS).orElseThrow());

        meter.countWrite();
        meter.countRead();
        assertEquals(0.5, meter.sample(8).value(KvSignals.WRITE_RATIO).orElseThrow(), "a new interval per sample");
    }

    @Test
    void anIntervalWithoutOperationsHasNoWriteRatio() {
        KvWorkloadMeter meter = new KvWorkloadMeter();

        Signals idle = meter.sample(3);

        assertTrue(idle.value(KvSignals.WRITE_RATIO).isEmpty(), idle::toString);
        assertEquals(3, idle.value(KvSignals.KEYS).orElseThrow());
    }
}
