package io.swapline.examples.counter;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.swapline.api.TransferProtocol;

/**
 * The ways a {@link Counter}'s state moves from one implementation to another during a swap.
 * The most significant bit both sides support wins.
 */
public final class CounterProtocols {

    /**
     * The live {@link AtomicLong} itself, handed over by reference: no copy, exact, but only
     * between implementations that keep their count in one atomic cell (the shared counter, whose
     * compare-and-set retries are its {@link CounterSignals#CONTENTION}).
     */
    public static final TransferProtocol<AtomicLong> CELL_BY_REFERENCE =
            TransferProtocol.define("counter-cell-by-reference", 2, AtomicLong.class);

    /**
     * The live {@link LongAdder} itself, handed over by reference: no copy, exact, but only
     * between implementations that keep their count in one adder.
     */
    public static final TransferProtocol<LongAdder> BY_REFERENCE =
            TransferProtocol.define("counter-adder-by-reference", 1, LongAdder.class);

    /** The count as one canonical number: any implementation can export and import it. */
    public static final TransferProtocol<Long> CANONICAL_COUNT =
            TransferProtocol.define("counter-canonical-count", 0, Long.class);

    /** The adder and the canonical protocol, for implementations that keep their count in a {@link LongAdder}. */
    public static final Set<TransferProtocol<?>> ALL = Set.of(BY_REFERENCE, CANONICAL_COUNT);

    private CounterProtocols() {
    }
}
