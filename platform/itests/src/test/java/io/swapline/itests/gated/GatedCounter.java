package io.swapline.itests.gated;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.swapline.api.SharedRoot;
import io.swapline.api.TransferProtocol;
import io.swapline.examples.counter.Counter;
import io.swapline.examples.counter.CounterProtocols;
import io.swapline.itests.gate.Gate;

/**
 * An implementation of {@code counter} one of whose increments waits at the test's
 * {@link Gate} {@value #CALL_GATE} once the test arms it (up to a minute): a call that is still
 * running when a swap begins. Packaged at run time by
 * {@link io.swapline.itests.TestBundles#implementationImporting}.
 */
public final class GatedCounter extends SharedRoot<Counter> {

    /** What {@link GatedCounterRep#implementation()} returns. */
    public static final String NAME = "gated counter";

    /** The gate an increment waits at when it is armed. */
    public static final String CALL_GATE = "call";

    private volatile AtomicLong count = new AtomicLong();

    /** Instantiated by the extender. */
    public GatedCounter() {
    }

    @Override
    protected Counter newRep(int repIndex) {
        return new GatedCounterRep(this);
    }

    AtomicLong count() {
        return count;
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
    @SuppressWarnings("unchecked") // the one protocol's state type
    public <S> S exportState(TransferProtocol<S> protocol) {
        return (S) Long.valueOf(count.get());
    }

    @Override
    public <S> void importState(TransferProtocol<S> protocol, S state) {
        count = new AtomicLong((Long) state);
    }
}
