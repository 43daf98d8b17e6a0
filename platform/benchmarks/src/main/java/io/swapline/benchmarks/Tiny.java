package io.swapline.benchmarks;

/** The interface of the creation benchmark's objects. Public because generated stubs implement it. */
public interface Tiny {

    /**
     * A value, so that a call reaches the Rep.
     *
     * @return the Rep's id
     */
    int id();
}
