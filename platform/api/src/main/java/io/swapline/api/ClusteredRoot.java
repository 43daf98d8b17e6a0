package io.swapline.api;

import java.util.Objects;
import java.util.function.IntFunction;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A root with one Rep per group of {@code k} adjacent slots: slots {@code 0..k-1} share Rep 0,
 * slots {@code k..2k-1} share Rep 1, and so on. Between {@link SharedRoot} (one Rep, contended)
 * and {@link DistributedRoot} (a Rep per slot, more memory and a wider sum to read); Reps are
 * called by the threads of several slots and must be thread-safe.
 *
 * @param <T> the interface the Reps implement
 */
@ConsumerType
public abstract class ClusteredRoot<T> extends Root<T> {

    private final int clusterSize;

    /**
     * Constructor for subclasses.
     *
     * @param clusterSize the number of slots that share one Rep; at least 1
     */
    protected ClusteredRoot(int clusterSize) {
        if (clusterSize < 1) {
            throw new IllegalArgumentException("cluster size must be at least 1, was " + clusterSize);
        }
        this.clusterSize = clusterSize;
    }

    /**
     * A clustered root whose Reps come from {@code factory}, given the Rep index.
     *
     * @param clusterSize the number of slots that share one Rep
     * @param factory creates one Rep per group of slots
     * @param <T> the interface
     * @return a new root
     */
    public static <T> ClusteredRoot<T> of(int clusterSize, IntFunction<? extends T> factory) {
        Objects.requireNonNull(factory, "factory");
        return new ClusteredRoot<>(clusterSize) {
            @Override
            protected T newRep(int repIndex) {
                return factory.apply(repIndex);
            }
        };
    }

    /**
     * The number of slots that share one Rep.
     *
     * @return the cluster size
     */
    public final int clusterSize() {
        return clusterSize;
    }

    @Override
    protected final int repIndexOf(int slot) {
        return slot / clusterSize;
    }

    @Override
    protected final int repCountFor(int slots) {
        return (slots + clusterSize - 1) / clusterSize;
    }

    @Override
    public final RootKind kind() {
        return RootKind.CLUSTERED;
    }
}
