package io.swapline.benchmarks.swap;

import io.swapline.api.TransferProtocol;

/** The counter the swap benchmark swaps back and forth, with its one transfer protocol. */
public interface SwapCounter {

    /** Canonical copy of the count. */
    TransferProtocol<Long> TOTAL = TransferProtocol.define("total", 0, Long.class);

    /** Adds one. */
    void increment();

    /**
     * The count.
     *
     * @return the sum of all increments
     */
    long sum();
}
