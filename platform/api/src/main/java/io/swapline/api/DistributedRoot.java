package io.swapline.api;

import java.util.Objects;
import java.util.function.IntFunction;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A root with one Rep per slot, each created on the first call from its slot. Reps on
 * different slots share nothing unless they reach shared state through the root, so calls
 * from different threads do not contend. A slot is chosen from the calling thread's id, and
 * there are about as many slots as processors: threads can share a slot, so a Rep must still be
 * thread-safe (it is just rarely contended). Operations that need the whole state, such as a
 * counter's total, go through the root, which sees every Rep ({@link #reps()}).
 *
 * @param <T> the interface the Reps implement
 */
@ConsumerType
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
