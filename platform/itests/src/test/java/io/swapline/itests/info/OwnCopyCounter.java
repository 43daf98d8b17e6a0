package io.swapline.itests.info;

import io.swapline.api.SharedRoot;
import io.swapline.examples.counter.Counter;

/**
 * A counter packaged with its own copy of {@link Counter} (its bundle does not import the counter
 * API): the interface it implements is not the one clients use.
 */
public final class OwnCopyCounter extends SharedRoot<Counter> {

    /** Instantiated by the extender. */
    public OwnCopyCounter() {
    }

    @Override
    protected Counter newRep(int repIndex) {
        throw new AssertionError("never made");
    }
}
