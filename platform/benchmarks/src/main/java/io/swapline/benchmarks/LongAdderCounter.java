package io.swapline.benchmarks;

import java.util.concurrent.atomic.LongAdder;

/** The JDK's striped counter, for comparison: a {@link LongAdder} behind the same interface. */
public final class LongAdderCounter implements Counter {

    private final LongAdder count = new LongAdder();

    @Override
    public void increment() {
        count.increment();
    }

    @Override
    public long sum() {
        return count.sum();
    }
}
