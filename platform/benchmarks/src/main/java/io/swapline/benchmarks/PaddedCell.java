package io.swapline.benchmarks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** 56 bytes of padding before the value: the JVM lays out a superclass's fields first. */
abstract class PaddedCellLeftPad {
    long p01, p02, p03, p04, p05, p06, p07;
}

/** The value, between two pads. */
abstract class PaddedCellValue extends PaddedCellLeftPad {
    volatile long value;
}

/** 56 bytes of padding after the value. */
abstract class PaddedCellRightPad extends PaddedCellValue {
    long p11, p12, p13, p14, p15, p16, p17;
}

/**
 * A {@code long} counter alone on its cache line (64-byte lines: at least 56 bytes of
 * padding on each side), so that two cells written by two threads never share a line.
 *
 * <h2>Concurrency</h2>
 * Increments are atomic ({@code getAndAdd}): a cell normally has one writer (the threads of
 * one slot), but two threads may share a slot, and an atomic add that is not contended costs
 * little once its line stays in one core's cache. Reads are volatile.
 */
public class PaddedCell extends PaddedCellRightPad {

    /** Adds one. */
    public final void increment() {
        VALUE.getAndAdd(this, 1L);
    }

    /**
     * The current value.
     *
     * @return the value
     */
    public final long get() {
        return value;
    }

    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(PaddedCellValue.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
