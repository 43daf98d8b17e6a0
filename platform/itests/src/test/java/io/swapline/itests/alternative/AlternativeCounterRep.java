package io.swapline.itests.alternative;

import io.swapline.examples.counter.Counter;

/** The one Rep of an {@link AlternativeCounter}: a top-level class, so that a test bundle can carry it. */
public final class AlternativeCounterRep implements Counter {

    /** What {@link #implementation()} returns. */
    public static final String NAME = "alternative counter";

    private final AlternativeCounter root;

    AlternativeCounterRep(AlternativeCounter root) {
        this.root = root;
    }

    @Override
    public void increment() {
        root.count().increment();
    }

    @Override
    public long get() {
        return root.count().sum();
    }

    @Override
    public String implementation() {
        return NAME;
    }
}
