package io.swapline.api.autonomic;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An approximate event counter cheap enough to sit inside a Rep method of a shared
 * implementation: no atomic read-modify-write, no lock, no contended cache line.
 *
 * <h2>Implementation overview</h2>
 * The count is spread over stripes, each on a cache-line pair of its own; a thread always adds
 * to the stripe its id hashes to. An addition is an opaque load and an opaque store of that
 * stripe (plain moves on x86 and ARM; opaque so that the JIT neither tears the value nor keeps
 * it in a register across a caller's loop). Two threads that hash to one stripe may overwrite
 * each other's additions: the count is an <em>estimate</em>, which is what a workload signal
 * needs. {@link #sum()} adds the stripes up with opaque loads; it sees every addition that
 * happened before it, eventually.
 */
public final class StripedCounter {

    /** Longs per stripe: 128 bytes, so that adjacent-line prefetch does not couple two stripes. */
    private static final int STRIDE = 16;
    private static final int MAX_STRIPES = 64;

    private final long[] cells;
    private final int mask;

    /** A counter with about two stripes per processor (at most 64). */
    public StripedCounter() {
        int wanted = Math.min(MAX_STRIPES, 2 * Runtime.getRuntime().availableProcessors());
        int stripes = Integer.highestOneBit(Math.max(1, wanted - 1)) << 1;
        this.mask = stripes - 1;
        this.cells = new long[(stripes + 1) * STRIDE]; // one stride of padding before the first stripe
    }

    /** Adds one. */
    public void increment() {
        add(1);
    }

    /**
     * Adds {@code n} to the calling thread's stripe.
     *
     * @param n the amount, usually positive
     */
    public void add(long n) {
        int index = ((stripeOf(Thread.currentThread()) & mask) + 1) * STRIDE;
        CELLS.setOpaque(cells, index, (long) CELLS.getOpaque(cells, index) + n);
    }

    /**
     * The estimated total: the sum of the stripes now.
     *
     * @return the count
     */
    public long sum() {
        long sum = 0;
        for (int index = STRIDE; index < cells.length; index += STRIDE) {
            sum += (long) CELLS.getOpaque(cells, index);
        }
        return sum;
    }

    @SuppressWarnings("deprecation") // Thread.getId: threadId() needs JDK 19
    private static int stripeOf(Thread thread) {
        return (int) ((thread.getId() * 0x9E3779B97F4A7C15L) >>> 40);
    }

    private static final VarHandle CELLS = MethodHandles.arrayElementVarHandle(long[].class);
}
