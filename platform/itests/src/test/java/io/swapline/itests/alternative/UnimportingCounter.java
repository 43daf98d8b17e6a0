package io.swapline.itests.alternative;

import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import io.swapline.api.SharedRoot;
import io.swapline.api.TransferProtocol;
import io.swapline.examples.counter.Counter;

/**
 * A stateful implementation of {@code counter} that imports no protocol: no state can be handed
 * to it, so a hand-over to it is refused. Packaged at run time by
 * {@link io.swapline.itests.TestBundles#implementation}, with its {@link UnimportingCounterRep}.
 */
public final class UnimportingCounter extends SharedRoot<Counter> {

    /** What {@link Counter#implementation()} returns. */
    public static final String NAME = "unimporting counter";

    private final LongAdder count = new LongAdder();

    /** Instantiated by the extender. */
    public UnimportingCounter() {
    }

    @Override
    protected Counter newRep(int repIndex) {
        return new UnimportingCounterRep(count);
    }

    @Override
    public Set<TransferProtocol<?>> importProtocols() {
        return Set.of();
    }
}
