package io.swapline.benchmarks;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The one implementation of {@link Cell} every call path reaches: a plain field for the
 * getter and an {@link AtomicLong} for the increment.
 */
public final class FieldCell implements Cell {

    private final long value;
    private final AtomicLong count = new AtomicLong();

    /**
     * A cell.
     *
     * @param value what {@link #get()} returns
     */
    public FieldCell(long value) {
        this.value = value;
    }

    @Override
    public long get() {
        return value;
    }

    @Override
    public long increment() {
        return count.incrementAndGet();
    }
}
