package io.swapline.itests.gated;

import io.swapline.examples.counter.Counter;
import io.swapline.itests.gate.Gate;

/** The one Rep of a {@link GatedCounter}: a top-level class, so that a test bundle can carry it. */
public final class GatedCounterRep implements Counter {

    private final GatedCounter root;

    GatedCounterRep(GatedCounter root) {
        this.root = root;
    }

    @Override
    public void increment() {
        Gate.named(GatedCounter.CALL_GATE).passIfArmed(60);
        root.count().incrementAndGet();
    }

    @Override
    public long get() {
        return root.count().get();
    }

    @Override
    public String implementation() {
        return GatedCounter.NAME;
    }
}
