package io.swapline.itests.info;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.swapline.api.DistributedRoot;
import io.swapline.examples.counter.Counter;

/**
 * A distributed counter that breaks {@code Root.newRep}'s rule: it makes the first Rep asked for
 * and throws for every other index, so the calls on the other slots fail (and are counted as rep
 * failures).
 */
public final class FlakyCounter extends DistributedRoot<Counter> {

    /** The start of the message of {@link #newRep}'s exception. */
    public static final String MESSAGE = "no Rep ";

    private final AtomicInteger first = new AtomicInteger(-1);
    private final LongAdder count = new LongAdder();

    /** Instantiated by the extender. */
    public FlakyCounter() {
    }

    @Override
    protected Counter newRep(int repIndex) {
        if (!first.compareAndSet(-1, repIndex) && first.get() != repIndex) {
            throw new IllegalStateException(MESSAGE + repIndex + ": only Rep " + first.get() + " can be made");
        }
        return new InfoCounterRep(count, "flaky counter");
    }
}
