package io.swapline.benchmarks;

import java.util.concurrent.atomic.AtomicLong;

/** The baseline counter: one {@link AtomicLong} that every thread increments. */
public final class AtomicCounter implements Counter {

    private final AtomicLong count = new AtomicLong();

    @Override
    public void increment() {
        count.incrementAndGet();
    }

    @Override
    public long sum() {
        return count.get();
    }
}
