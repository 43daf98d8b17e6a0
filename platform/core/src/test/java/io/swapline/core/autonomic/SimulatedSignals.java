package io.swapline.core.autonomic;

import io.swapline.api.Root;
import io.swapline.api.autonomic.Signals;
import io.swapline.api.autonomic.WorkloadSignals;
import io.swapline.core.fixtures.Counter;
import io.swapline.core.fixtures.DistributedCounter;
import io.swapline.core.fixtures.SharedCounter;

/** A test's signal source: every counter root it makes reports the value the test last set. */
final class SimulatedSignals {

    private volatile Signals current = Signals.NONE;

    void set(Signals signals) {
        current = signals;
    }

    Root<Counter> shared() {
        return new Shared();
    }

    Root<Counter> distributed() {
        return new Distributed();
    }

    private final class Shared extends SharedCounter implements WorkloadSignals {
        @Override
        public String implementationName() {
            return PolicyDeciderTest.SHARED;
        }

        @Override
        public Signals sampleSignals() {
            return current;
        }
    }

    private final class Distributed extends DistributedCounter implements WorkloadSignals {
        @Override
        public String implementationName() {
            return PolicyDeciderTest.DISTRIBUTED;
        }

        @Override
        public Signals sampleSignals() {
            return current;
        }
    }
}
