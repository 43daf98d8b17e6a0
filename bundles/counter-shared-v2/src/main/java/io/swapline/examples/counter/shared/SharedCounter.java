package io.swapline.examples.counter.shared;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.swapline.api.SharedRoot;
import io.swapline.api.SwappableImplementation;
import io.swapline.api.TransferProtocol;
import io.swapline.api.autonomic.RatioMeter;
import io.swapline.api.autonomic.Signals;
import io.swapline.api.autonomic.WorkloadSignals;
import io.swapline.examples.counter.Counter;
import io.swapline.examples.counter.CounterProtocols;
import io.swapline.examples.counter.CounterSignals;

/**
 * The shared counter, version 2.0: the same state as 1.0 (one {@link AtomicLong}, taken over by
 * reference from 1.0 during a live update), and an implementation() that says it is 2.0.
 *
 * <p>It suits a counter that threads rarely increment at the same moment: it reports
 * {@link CounterSignals#CONTENTION} as it measures it, the compare-and-set retries per 1,000
 * increments, and an autonomic policy moves the object to a counter with a cell per slot when
 * they grow past 1 (a retry is rare even under heavy contention, whose cost is mostly the cache
 * line moving between cores: 1 to 10 per 1,000 increments with threads incrementing flat out on
 * a 2-vCPU machine, none with one thread, about none with a few that call now and then). The
 * measuring costs an increment two plain stores on the calling thread's stripes
 * ({@link RatioMeter}); a retry, which is already a lost race, one more.
 */
@SwappableImplementation(object = "counter", type = Counter.class, suits = CounterSignals.CONTENTION + " <= 1")
public final class SharedCounter extends SharedRoot<Counter> implements WorkloadSignals {

    private volatile AtomicLong count = new AtomicLong();
    private final RatioMeter contention = new RatioMeter();

    /** The extender instantiates the root through this constructor. */
    public SharedCounter() {
    }

    @Override
    protected Counter newRep(int repIndex) {
        return new Counter() {
            @Override
            public void increment() {
                AtomicLong cell = count;
                long seen = cell.get();
                while (!cell.compareAndSet(seen, seen + 1)) {
                    contention.countEvent(); // another thread incremented between the read and the CAS
                    seen = cell.get();
                }
                contention.countOperation();
            }

            @Override
            public long get() {
                return count.get();
            }

            @Override
            public String implementation() {
                return "shared counter 2.0";
            }
        };
    }

    @Override
    public Signals sampleSignals() {
        return Signals.builder().put(CounterSignals.CONTENTION, contention.sample() * 1_000).build();
    }

    @Override
    public Set<TransferProtocol<?>> exportProtocols() {
        return Set.of(CounterProtocols.CELL_BY_REFERENCE, CounterProtocols.CANONICAL_COUNT);
    }

    @Override
    public Set<TransferProtocol<?>> importProtocols() {
        return Set.of(CounterProtocols.CELL_BY_REFERENCE, CounterProtocols.CANONICAL_COUNT);
    }

    @Override
    @SuppressWarnings("unchecked") // the protocol's state type is checked by the branch
    public <S> S exportState(TransferProtocol<S> protocol) {
        if (protocol == CounterProtocols.CELL_BY_REFERENCE) {
            return (S) count;
        }
        return (S) Long.valueOf(count.get());
    }

    @Override
    public <S> void importState(TransferProtocol<S> protocol, S state) {
        if (protocol == CounterProtocols.CELL_BY_REFERENCE) {
            count = (AtomicLong) state;
        } else {
            count = new AtomicLong((Long) state);
        }
    }
}
