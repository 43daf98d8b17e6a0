package io.swapline.api;

import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A root with one Rep per slot, each created on the first call from its slot. Reps on
 * different slots share nothing unless they reach shared state through the root, so calls
 * from different threads do not contend.
 *
 * @param <T> the interface the Reps implement
 */
public abstract class DistributedRoot<T> extends Root<T> {

    /** Constructor for subclasses. */
    protected DistributedRoot() {
    }

    /**
     * A distributed root whose Reps come from {@code factory}, given the Rep index (equal to
     * the slot).
     *
     * @param factory creates one Rep per slot
     * @param <T> the interface
     * @return a new root
     */
    public static <T> DistributedRoot<T> of(IntFunction<? extends T> factory) {
        Objects.requireNonNull(factory, "factory");
        return new DistributedRoot<>() {
            @Override
            protected T newRep(int repIndex) {
                return factory.apply(repIndex);
            }
        };
    }

    @Override
    protected final int repIndexOf(int slot) {
        return slot;
    }

    @Override
    protected final int repCountFor(int slots) {
        return slots;
    }

    @Override
    public final RootKind kind() {
        return RootKind.DISTRIBUTED;
    }
}
