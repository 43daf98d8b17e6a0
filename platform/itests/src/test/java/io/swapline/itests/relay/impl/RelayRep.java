package io.swapline.itests.relay.impl;

import io.swapline.itests.relay.Relay;
import io.swapline.itests.relay.Relays;

/** The one Rep of a relay: counts the visit, then calls the peer through its service (its stub). */
public final class RelayRep implements Relay {

    private final RelayRoot root;

    RelayRep(RelayRoot root) {
        this.root = root;
    }

    @Override
    public String relay(int depth) {
        root.visitCount().increment();
        String here = String.valueOf(root.letter());
        return depth == 0 ? here : here + Relays.peerOf(root.letter()).relay(depth - 1);
    }

    @Override
    public long visits() {
        return root.visitCount().sum();
    }
}
