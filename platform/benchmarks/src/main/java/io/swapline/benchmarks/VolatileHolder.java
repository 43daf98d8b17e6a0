package io.swapline.benchmarks;

/**
 * The simplest swappable front end, for comparison: a {@link Cell} that forwards every call
 * to the implementation held in a {@code volatile} field. Swapping would be one write of the
 * field; every call pays a volatile read, which the JIT may not fold or hoist.
 */
public final class VolatileHolder implements Cell {

    private volatile Cell target;

    /**
     * A holder.
     *
     * @param target the implementation to forward to
     */
    public VolatileHolder(Cell target) {
        this.target = target;
    }

    /**
     * Replaces the implementation.
     *
     * @param newTarget the new implementation
     */
    public void swap(Cell newTarget) {
        this.target = newTarget;
    }

    @Override
    public long get() {
        return target.get();
    }

    @Override
    public long increment() {
        return target.increment();
    }
}
