package io.swapline.itests.stuck;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.swapline.api.SharedRoot;
import io.swapline.api.TransferProtocol;
import io.swapline.examples.counter.Counter;
import io.swapline.examples.counter.CounterProtocols;
import io.swapline.itests.gate.Gate;

/**
 * An implementation of {@code counter} whose import of the state waits at the test's
 * {@link Gate} (up to a minute): a swap to it spends longer in its Transfer phase than the
 * Transfer deadline allows. Packaged at run time by
 * {@link io.swapline.itests.TestBundles#implementationImporting}.
 */
public final class StuckCounter extends SharedRoot<Counter> {

    /** What {@link StuckCounterRep#implementation()} returns. */
    public static final String NAME = "stuck counter";

    /** The gate its import waits at. */
    public static final String TRANSFER_GATE = "transfer";

    private volatile AtomicLong count = new AtomicLong();

    /** Instantiated by the extender. */
    public StuckCounter() {
    }

    @Override
    protected Counter newRep(int repIndex) {
        return new StuckCounterRep(this);
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
        Gate.named(TRANSFER_GATE).enterAndWait(60);
        count = new AtomicLong((Long) state);
    }
}
