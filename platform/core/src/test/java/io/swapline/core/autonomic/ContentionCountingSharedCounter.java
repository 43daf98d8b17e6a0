package io.swapline.core.autonomic;

import io.swapline.api.autonomic.RatioMeter;
import io.swapline.api.autonomic.SignalRange;
import io.swapline.api.autonomic.Signals;
import io.swapline.api.autonomic.Suitability;
import io.swapline.api.autonomic.WorkloadSignals;
import io.swapline.core.fixtures.Counter;
import io.swapline.core.fixtures.SharedCounter;

/** A shared counter that increments by CAS and counts its own retries: {@code contention}, retries per increment. */
public class ContentionCountingSharedCounter extends SharedCounter implements WorkloadSignals {

    /** Best while increments rarely collide. */
    public static final Suitability SUITS = Suitability.of(SignalRange.atMost("contention", 0.02));

    private final RatioMeter contention = new RatioMeter();

    @Override
    protected Counter newRep(int repIndex) {
        return new Counter() {
            @Override
            public long increment() {
                long seen = value.get();
                while (!value.compareAndSet(seen, seen + 1)) {
                    contention.countEvent(); // another thread incremented first
                    seen = value.get();
                }
                contention.countOperation();
                return seen + 1;
            }

            @Override
            public long get() {
                return value.get();
            }
        };
    }

    @Override
    public Signals sampleSignals() {
        return Signals.builder().put("contention", contention.sample()).build();
    }
}
