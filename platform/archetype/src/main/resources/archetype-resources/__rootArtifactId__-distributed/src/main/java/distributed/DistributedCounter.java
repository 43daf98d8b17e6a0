package ${package}.distributed;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import ${package}.api.Counter;
import ${package}.api.CounterProtocols;
import io.swapline.api.DistributedRoot;
import io.swapline.api.SwappableImplementation;
import io.swapline.api.TransferProtocol;

/**
 * The counter as a distributed root: one Rep per slot (the platform gives each thread a slot),
 * each counting its own slot's increments, so threads on different slots never write the same
 * memory; {@link Counter#count()} adds them up. Suits many threads incrementing at once.
 */
@SwappableImplementation(object = Counter.OBJECT, type = Counter.class)
public final class DistributedCounter extends DistributedRoot<Counter> {

    /** The count imported from the previous implementation; the Reps count on top of it. */
    private volatile long imported;

    /** The extender creates the root through this constructor. */
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
        return CounterProtocols.ALL;
    }

    @Override
    public Set<TransferProtocol<?>> importProtocols() {
        return CounterProtocols.ALL;
    }

    @Override
    public <S> S exportState(TransferProtocol<S> protocol) {
        return protocol.stateType().cast(total());
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
        public long count() {
            return total();
        }

        @Override
        public String implementation() {
            return "distributed";
        }
    }
}
