package io.swapline.itests.relay.impl;

/** The implementation of {@code relay.a}; instantiated by the extender. */
public final class RelayA extends RelayRoot {

    /** Instantiated by the extender. */
    public RelayA() {
    }

    @Override
    char letter() {
        return 'A';
    }
}
