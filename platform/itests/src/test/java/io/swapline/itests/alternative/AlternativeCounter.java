package io.swapline.itests.alternative;

import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import io.swapline.api.SharedRoot;
import io.swapline.api.TransferProtocol;
import io.swapline.examples.counter.Counter;
import io.swapline.examples.counter.CounterProtocols;

/**
 * Another implementation of the object {@code counter}, packaged at run time by
 * {@link io.swapline.itests.TestBundles#implementation} into bundles whose symbolic names differ
 * from the shared counter's: for swaps between bundles and for authorisation.
 */
public final class AlternativeCounter extends SharedRoot<Counter> {

    private volatile LongAdder count = new LongAdder();

    /** Instantiated by the extender. */
    public AlternativeCounter() {
    }

    @Override
    protected Counter newRep(int repIndex) {
        return new AlternativeCounterRep(this);
    }

    LongAdder count() {
        return count;
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
    @SuppressWarnings("unchecked") // the protocol's state type is checked by the branch
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
