package io.swapline.itests.relay.impl;

/** The implementation of {@code relay.b}; instantiated by the extender. */
public final class RelayB extends RelayRoot {

    /** Instantiated by the extender. */
    public RelayB() {
    }

    @Override
    char letter() {
        return 'B';
    }
}
