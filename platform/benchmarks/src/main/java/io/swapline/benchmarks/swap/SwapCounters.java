package io.swapline.benchmarks.swap;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.swapline.api.DistributedRoot;
import io.swapline.api.Root;
import io.swapline.api.SharedRoot;
import io.swapline.api.TransferProtocol;

/** The two implementations the swap benchmark alternates between; both move the total. */
final class SwapCounters {

    private SwapCounters() {
    }

    static Root<SwapCounter> shared() {
        return new Shared();
    }

    static Root<SwapCounter> distributed() {
        return new Distributed();
    }

    /** One AtomicLong for every slot. */
    static final class Shared extends SharedRoot<SwapCounter> {
        final AtomicLong value = new AtomicLong();

        @Override
        protected SwapCounter newRep(int repIndex) {
            return new SwapCounter() {
                @Override
                public void increment() {
                    value.incrementAndGet();
                }

                @Override
                public long sum() {
                    return value.get();
                }
            };
        }

        @Override
        public Set<TransferProtocol<?>> exportProtocols() {
            return Set.of(SwapCounter.TOTAL);
        }

        @Override
        public Set<TransferProtocol<?>> importProtocols() {
            return Set.of(SwapCounter.TOTAL);
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

    /** One AtomicLong per slot and a base carried over; sums on read. */
    static final class Distributed extends DistributedRoot<SwapCounter> {
        volatile long base;

        @Override
        protected SwapCounter newRep(int repIndex) {
            return new Cell();
        }

        final class Cell implements SwapCounter {
            final AtomicLong count = new AtomicLong();

            @Override
            public void increment() {
                count.incrementAndGet();
            }

            @Override
            public long sum() {
                return total();
            }
        }

        long total() {
            long sum = base;
            for (SwapCounter rep : reps()) {
                sum += ((Cell) rep).count.get();
            }
            return sum;
        }

        @Override
        public Set<TransferProtocol<?>> exportProtocols() {
            return Set.of(SwapCounter.TOTAL);
        }

        @Override
        public Set<TransferProtocol<?>> importProtocols() {
            return Set.of(SwapCounter.TOTAL);
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
