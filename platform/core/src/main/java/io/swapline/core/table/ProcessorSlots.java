package io.swapline.core.table;

/**
 * The JVM's stand-in for K42's processors: a fixed, power-of-two number of slots, and the
 * rule that picks the calling thread's slot.
 *
 * <p>The JVM does not say which CPU a thread runs on, so a slot is chosen from the thread:
 * the low bits of its id. Thread ids are handed out in creation order, so threads created
 * together (a pool, a benchmark's workers) land on distinct slots as long as there are no more
 * of them than slots; reading the id costs two loads and no write.
 */
public final class ProcessorSlots {

    private final int count;

    private ProcessorSlots(int count) {
        if (count <= 0 || Integer.bitCount(count) != 1) {
            throw new IllegalArgumentException("slot count must be a positive power of two, was " + count);
        }
        this.count = count;
    }

    /**
     * Slots for this machine: the smallest power of two at least the number of available
     * processors.
     *
     * @return the default slots
     */
    public static ProcessorSlots forThisMachine() {
        return of(ceilingPowerOfTwo(Runtime.getRuntime().availableProcessors()));
    }

    /**
     * A given number of slots.
     *
     * @param count a positive power of two
     * @return the slots
     * @throws IllegalArgumentException if {@code count} is not a positive power of two
     */
    public static ProcessorSlots of(int count) {
        return new ProcessorSlots(count);
    }

    /**
     * The smallest power of two that is at least {@code n} (and at least 1).
     *
     * @param n a number
     * @return the power of two
     */
    public static int ceilingPowerOfTwo(int n) {
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }

    /**
     * The number of slots.
     *
     * @return a power of two
     */
    public int count() {
        return count;
    }

    /**
     * The slot of the calling thread.
     *
     * @return a slot from 0 to {@link #count()} - 1
     */
    public int current() {
        return slotOf(Thread.currentThread(), count - 1);
    }

    /**
     * The slot of a thread under a mask. The one place that defines the mapping; the call path
     * inlines it.
     *
     * @param thread the thread
     * @param mask the slot count minus one
     * @return the slot
     */
    @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same value
    static int slotOf(Thread thread, int mask) {
        return (int) thread.getId() & mask;
    }
}
