package io.swapline.itests.info;

import java.util.concurrent.atomic.LongAdder;

import io.swapline.examples.counter.Counter;

/** The Rep of the {@code info} fixtures' roots: a count and a name. */
public final class InfoCounterRep implements Counter {

    private final LongAdder count;
    private final String name;

    InfoCounterRep(LongAdder count, String name) {
        this.count = count;
        this.name = name;
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
        return name;
    }
}
