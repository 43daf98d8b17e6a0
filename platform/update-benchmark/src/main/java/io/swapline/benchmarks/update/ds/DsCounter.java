package io.swapline.benchmarks.update.ds;

import java.util.concurrent.atomic.LongAdder;

import io.swapline.examples.counter.Counter;

/**
 * The plain Declarative Services counter the benchmark compares with: an immediate component
 * providing {@link Counter}, its count in a field, as a component is commonly written. The
 * harness packs this class with a component description into a bundle at run time (versions
 * 1.0.0 and 2.0.0, same code); a bundle update deactivates this instance and activates a new
 * one, which starts from 0.
 */
public final class DsCounter implements Counter {

    private final LongAdder count = new LongAdder();

    /** Instantiated by SCR. */
    public DsCounter() {
    }

    @Override
    public void increment() {
        count.increment();
    }

    @Override
    public long get() {
        return count.sum();
    }

    @Override
    public String implementation() {
        return "ds counter";
    }
}
