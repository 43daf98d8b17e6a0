package io.swapline.benchmarks;

/** The smallest useful Rep: one {@code int} (16 bytes with compressed class pointers). */
public final class TinyRep implements Tiny {

    private final int id;

    /**
     * A Rep.
     *
     * @param id what {@link #id()} returns
     */
    public TinyRep(int id) {
        this.id = id;
    }

    @Override
    public int id() {
        return id;
    }
}
