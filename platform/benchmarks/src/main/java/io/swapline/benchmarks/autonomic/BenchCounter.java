package io.swapline.benchmarks.autonomic;

import io.swapline.api.TransferProtocol;

/** The counter the autonomic benchmark runs, with its one transfer protocol. */
public interface BenchCounter {

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
