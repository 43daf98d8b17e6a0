package io.swapline.examples.counter.shared;

import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import io.swapline.api.SharedRoot;
import io.swapline.api.SwappableImplementation;
import io.swapline.api.TransferProtocol;
import io.swapline.examples.counter.Counter;
import io.swapline.examples.counter.CounterProtocols;

/**
 * The shared counter, version 2.0: the same state as 1.0 (one {@link LongAdder}, taken over by
 * reference from 1.0 during a live update), and an implementation() that says it is 2.0.
 * Contributed to the platform by its annotation alone.
 */
@SwappableImplementation(object = "counter", type = Counter.class)
public final class SharedCounter extends SharedRoot<Counter> {

    private volatile LongAdder count = new LongAdder();

    /** The extender instantiates the root through this constructor. */
    public SharedCounter() {
    }

    @Override
    protected Counter newRep(int repIndex) {
        return new Counter() {
            @Override
            public void increment() {
                count.increment();
            }

            @Override
            public long get() {
                return count.sum();
            }

            @Override
            public String implementation() {
                return "shared counter 2.0";
            }
        };
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
    @SuppressWarnings("unchecked") // the protocol's state type is checked by the switch
    public <S> S exportState(TransferProtocol<S> protocol) {
        if (protocol == CounterProtocols.BY_REFERENCE) {
            return (S) count;
        }
        return (S) Long.valueOf(count.sum());
    }

    @Override
    public <S> void importState(TransferProtocol<S> protocol, S state) {
        if (protocol == CounterProtocols.BY_REFERENCE) {
            count = (LongAdder) state;
        } else {
            LongAdder imported = new LongAdder();
            imported.add((Long) state);
            count = imported;
        }
    }
}
