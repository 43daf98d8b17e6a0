package io.swapline.itests.info;

import io.swapline.api.SharedRoot;
import io.swapline.examples.counter.Counter;

/** A counter whose constructor throws, as one whose configuration is missing would. */
public final class ThrowingCounter extends SharedRoot<Counter> {

    /** What the constructor's exception says. */
    public static final String MESSAGE = "no counter configured";

    /** Instantiated by the extender; throws. */
    public ThrowingCounter() {
        throw new IllegalStateException(MESSAGE);
    }

    @Override
    protected Counter newRep(int repIndex) {
        throw new AssertionError("never made");
    }
}
