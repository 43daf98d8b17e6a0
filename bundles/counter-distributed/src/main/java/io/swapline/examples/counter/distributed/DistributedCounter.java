package io.swapline.examples.counter.distributed;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.swapline.api.DistributedRoot;
import io.swapline.api.SwappableImplementation;
import io.swapline.api.TransferProtocol;
import io.swapline.examples.counter.Counter;
import io.swapline.examples.counter.CounterProtocols;

/**
 * The distributed counter: one Rep per processor slot, each counting its own slot's increments,
 * so threads on different slots never touch the same memory; {@link Counter#get()} adds them up.
 * It exchanges state with the shared counter in both directions through the canonical count.
 *
 * <p>Contributed as its own object, {@code counter.distributed}: the platform makes the first
 * implementation of a name it sees the active one, and a second object keeps the launcher's
 * {@code counter} deterministic (always the shared counter, whatever the start order).
 */
@SwappableImplementation(object = "counter.distributed", type = Counter.class)
public final class DistributedCounter extends DistributedRoot<Counter> {

    /** The count imported from a predecessor; the Reps count on top of it. */
    private volatile long imported;

    /** The extender instantiates the root through this constructor. */
    public DistributedCounter() {
    }

    @Override
    protected Counter newRep(int repIndex) {
        return new SlotCounter();
    }

    private long total() {
        long sum = imported;
        for (Counter rep : reps()) {
            sum += ((SlotCounter) rep).count.get();
        }
        return sum;
    }

    @Override
    public Set<TransferProtocol<?>> exportProtocols() {
        return Set.of(CounterProtocols.CANONICAL_COUNT);
    }

    @Override
    public Set<TransferProtocol<?>> importProtocols() {
        return Set.of(CounterProtocols.CANONICAL_COUNT);
    }

    @Override
    @SuppressWarnings("unchecked") // the only protocol is CANONICAL_COUNT, whose state is a Long
    public <S> S exportState(TransferProtocol<S> protocol) {
        return (S) Long.valueOf(total());
    }

    @Override
    public <S> void importState(TransferProtocol<S> protocol, S state) {
        imported = (Long) state;
    }

    /** One slot's share of the count. */
    private final class SlotCounter implements Counter {
        private final AtomicLong count = new AtomicLong();

        @Override
        public void increment() {
            count.incrementAndGet();
        }

        @Override
        public long get() {
            return total();
        }

        @Override
        public String implementation() {
            return "distributed counter 1.0";
        }
    }
}
