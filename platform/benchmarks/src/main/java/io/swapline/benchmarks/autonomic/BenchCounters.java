package io.swapline.benchmarks.autonomic;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.swapline.api.DistributedRoot;
import io.swapline.api.SharedRoot;
import io.swapline.api.TransferProtocol;
import io.swapline.api.autonomic.RatioMeter;
import io.swapline.api.autonomic.SignalRange;
import io.swapline.api.autonomic.Signals;
import io.swapline.api.autonomic.Suitability;
import io.swapline.api.autonomic.WorkloadSignals;

/**
 * A shared and a distributed counter that report {@code contention} (CAS retries per increment,
 * measured by the shared one, estimated by the distributed one).
 */
final class BenchCounters {

    static final Suitability SHARED_SUITS = Suitability.of(SignalRange.atMost("contention", 0.02));
    static final Suitability DISTRIBUTED_SUITS = Suitability.of(SignalRange.atLeast("contention", 0.02));

    private BenchCounters() {
    }

    /** One AtomicLong, incremented by CAS; counts its retries. */
    static final class Shared extends SharedRoot<BenchCounter> implements WorkloadSignals {
        final AtomicLong value = new AtomicLong();
        final RatioMeter contention = new RatioMeter();

        @Override
        protected BenchCounter newRep(int repIndex) {
            return new BenchCounter() {
                @Override
                public void increment() {
                    long seen = value.get();
                    while (!value.compareAndSet(seen, seen + 1)) {
                        contention.countEvent();
                        seen = value.get();
                    }
                    contention.countOperation();
                }

                @Override
                public long sum() {
                    return value.get();
                }
            };
        }

        @Override
        public Signals sampleSignals() {
            return Signals.builder().put("contention", contention.sample()).build();
        }

        @Override
        public Set<TransferProtocol<?>> exportProtocols() {
            return Set.of(BenchCounter.TOTAL);
        }

        @Override
        public Set<TransferProtocol<?>> importProtocols() {
            return Set.of(BenchCounter.TOTAL);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <S> S exportState(TransferProtocol<S> protocol) {
            return (S) Long.valueOf(value.get());
        }

        @Override
        public <S> void importState(TransferProtocol<S> protocol, S state) {
            value.set((Long) state);
        }
    }

    /**
     * One AtomicLong per slot and a base carried over. Its {@code contention} is the larger of
     * the spread of increments over slots (the share not on the busiest slot: what one shared
     * cell would serialise) and the CAS retries per increment on its own cells (threads whose ids
     * map to the same slot still contend).
     */
    static final class Distributed extends DistributedRoot<BenchCounter> implements WorkloadSignals {
        volatile long base;
        final RatioMeter retries = new RatioMeter();
        private long[] cellsAtLastSample = new long[0]; // sampler only

        @Override
        protected BenchCounter newRep(int repIndex) {
            return new Cell();
        }

        final class Cell implements BenchCounter {
            final AtomicLong count = new AtomicLong();

            @Override
            public void increment() {
                long seen = count.get();
                while (!count.compareAndSet(seen, seen + 1)) {
                    retries.countEvent(); // two threads on one slot
                    seen = count.get();
                }
                retries.countOperation();
            }

            @Override
            public long sum() {
                return total();
            }
        }

        long total() {
            long sum = base;
            for (BenchCounter rep : reps()) {
                sum += ((Cell) rep).count.get();
            }
            return sum;
        }

        @Override
        public Signals sampleSignals() {
            long[] now = new long[repCount()];
            long total = 0;
            long busiest = 0;
            for (int index : repIndexes()) {
                now[index] = ((Cell) repAt(index)).count.get();
                long delta = now[index] - (index < cellsAtLastSample.length ? cellsAtLastSample[index] : 0);
                total += delta;
                busiest = Math.max(busiest, delta);
            }
            cellsAtLastSample = Arrays.copyOf(now, now.length);
            double spread = total == 0 ? Double.NaN : 1 - busiest / (double) total;
            double sameSlot = retries.sample(); // threads that share a slot still contend on its cell
            return Signals.builder().put("contention", Double.isNaN(spread) ? spread : Math.max(spread, sameSlot)).build();
        }

        @Override
        public Set<TransferProtocol<?>> exportProtocols() {
            return Set.of(BenchCounter.TOTAL);
        }

        @Override
        public Set<TransferProtocol<?>> importProtocols() {
            return Set.of(BenchCounter.TOTAL);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <S> S exportState(TransferProtocol<S> protocol) {
            return (S) Long.valueOf(total());
        }

        @Override
        public <S> void importState(TransferProtocol<S> protocol, S state) {
            base = (Long) state;
        }
    }
}
