package io.swapline.itests.stuck;

import io.swapline.examples.counter.Counter;

/** The one Rep of a {@link StuckCounter}: a top-level class, so that a test bundle can carry it. */
public final class StuckCounterRep implements Counter {

    private final StuckCounter root;

    StuckCounterRep(StuckCounter root) {
        this.root = root;
    }

    @Override
    public void increment() {
        root.count().incrementAndGet();
    }

    @Override
    public long get() {
        return root.count().get();
    }

    @Override
    public String implementation() {
        return StuckCounter.NAME;
    }
}
