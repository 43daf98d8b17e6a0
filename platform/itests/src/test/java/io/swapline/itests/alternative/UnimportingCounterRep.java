package io.swapline.itests.alternative;

import java.util.concurrent.atomic.LongAdder;

import io.swapline.examples.counter.Counter;

/** The one Rep of an {@link UnimportingCounter}: a top-level class, so that a test bundle can carry it. */
public final class UnimportingCounterRep implements Counter {

    private final LongAdder count;

    UnimportingCounterRep(LongAdder count) {
        this.count = count;
    }

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
        return UnimportingCounter.NAME;
    }
}
