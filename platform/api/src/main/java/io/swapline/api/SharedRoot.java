package io.swapline.api;

import java.util.Objects;
import java.util.function.Supplier;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A root with a single Rep that serves every slot: an ordinary object made swappable. Calls
 * reach it without any slot lookup, at the cost of a direct interface call. Every client thread
 * calls the one Rep, so it must be thread-safe like any shared object.
 *
 * <pre>{@code
 * @SwappableImplementation(object = "counter", type = Counter.class)
 * public final class SharedCounter extends SharedRoot<Counter> {
 *     public SharedCounter() {}
 *     protected Counter newRep(int repIndex) { return new AdderCounter(); }
 * }
 * }</pre>
 *
 * @param <T> the interface the Rep implements
 */
@ConsumerType
public abstract class SharedRoot<T> extends Root<T> {

    /** Constructor for subclasses. */
    protected SharedRoot() {
    }

    /**
     * A shared root whose single Rep comes from {@code factory}.
     *
     * @param factory creates the Rep on the first call
     * @param <T> the interface
     * @return a new root
     */
    public static <T> SharedRoot<T> of(Supplier<? extends T> factory) {
        Objects.requireNonNull(factory, "factory");
        return new SharedRoot<>() {
            @Override
            protected T newRep(int repIndex) {
                return factory.get();
            }
        };
    }

    @Override
    protected final int repIndexOf(int slot) {
        return 0;
    }

    @Override
    protected final int repCountFor(int slots) {
        return 1;
    }

    @Override
    public final RootKind kind() {
        return RootKind.SHARED;
    }
}
