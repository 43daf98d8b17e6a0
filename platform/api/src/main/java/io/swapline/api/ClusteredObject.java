package io.swapline.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A live clustered object: a named instance of an interface whose implementation can be
 * replaced while clients keep calling it.
 *
 * <p>Clients hold the {@link #stub()}, never a Rep. The stub stays valid across swaps; after
 * the object is destroyed every call on it throws an {@link IllegalStateException} naming the
 * object.
 *
 * @param <T> the object's interface
 */
@ProviderType
public interface ClusteredObject<T> {

    /**
     * The object's name, unique in its registry.
     *
     * @return the name
     */
    String name();

    /**
     * The interface clients call.
     *
     * @return the interface
     */
    Class<T> type();

    /**
     * The client's handle: an instance of {@link #type()} whose every method runs on the Rep
     * for the calling thread's slot.
     *
     * <p>{@code equals} and {@code hashCode} of a stub are identity (one stub per object, so
     * two stubs are equal exactly when they are the same object); {@code toString} names the
     * object. None of the three reaches the implementation.
     *
     * @return the stub, the same instance on every call
     */
    T stub();

    /**
     * The kind of the current implementation's root.
     *
     * @return the root kind
     * @throws IllegalStateException if the object was destroyed
     */
    RootKind kind();

    /**
     * The number of slots on which the current implementation has been reached through a miss:
     * for a distributed or clustered implementation, the slots whose calls have reached it. A
     * shared implementation is reached without any slot lookup once its first call has made it,
     * so it reports only the slots whose first calls raced to make it (usually 1).
     *
     * @return the slots in use
     * @throws IllegalStateException if the object was destroyed
     */
    int slotsInUse();

    /**
     * The name of the implementation currently serving the object.
     *
     * @return the implementation's name, see {@link Root#implementationName()}
     * @throws IllegalStateException if the object was destroyed
     */
    String implementationName();

    /**
     * The number of swaps that completed on this object.
     *
     * @return the swap count
     */
    long swapCount();

    /**
     * The most recent swap records of this object, oldest first. The runtime keeps a bounded
     * number of them.
     *
     * @return a snapshot of the history
     */
    List<SwapRecord> history();

    /**
     * Why calls failed because the implementation could not make a Rep for the caller's slot
     * (its {@link Root#newRep(int)} threw when a call missed): one entry per distinct cause, the
     * object's most recent causes (at most 8, the least recently failed dropped first), across
     * swaps. Empty while no call has failed that way. A failure while a swap is prepared refuses
     * the swap and is not counted here (see the {@link SwapRecord}).
     *
     * @return a snapshot, in the order the causes first occurred
     */
    List<RepFailure> repFailures();

    /**
     * Whether the object still exists.
     *
     * @return false once destroyed
     */
    boolean isLive();
}
