package io.swapline.itests.relay.impl;

import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import io.swapline.api.SharedRoot;
import io.swapline.api.TransferProtocol;
import io.swapline.itests.relay.Relay;

/**
 * A relay object's root: one Rep, the visit count as state, transferred as one number. The
 * protocol is defined here, in each implementation bundle; protocols agree by name, bit and type.
 */
public abstract class RelayRoot extends SharedRoot<Relay> {

    /** The visit count as one number. */
    public static final TransferProtocol<Long> VISITS = TransferProtocol.define("relay-visits", 0, Long.class);

    private volatile LongAdder visits = new LongAdder();

    /** @return {@code 'A'} or {@code 'B'} */
    abstract char letter();

    LongAdder visitCount() {
        return visits;
    }

    @Override
    protected Relay newRep(int repIndex) {
        return new RelayRep(this);
    }

    @Override
    public Set<TransferProtocol<?>> exportProtocols() {
        return Set.of(VISITS);
    }

    @Override
    public Set<TransferProtocol<?>> importProtocols() {
        return Set.of(VISITS);
    }

    @Override
    @SuppressWarnings("unchecked") // the one protocol's state type is Long
    public <S> S exportState(TransferProtocol<S> protocol) {
        return (S) Long.valueOf(visits.sum());
    }

    @Override
    public <S> void importState(TransferProtocol<S> protocol, S state) {
        LongAdder imported = new LongAdder();
        imported.add((Long) state);
        visits = imported;
    }
}
