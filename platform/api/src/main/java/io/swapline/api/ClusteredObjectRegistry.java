package io.swapline.api;

import java.util.Collection;
import java.util.Optional;
import java.util.function.IntFunction;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Creates, finds and destroys clustered objects.
 *
 * <p>Every method that rejects its input throws before changing anything: a failed
 * {@code create} registers no name and allocates nothing.
 */
@ProviderType
public interface ClusteredObjectRegistry {

    /**
     * Creates a clustered object from a root.
     *
     * @param name a name not in use in this registry
     * @param type the interface clients call; must be an interface visible to the root's Reps
     * @param root the implementation's root, not attached to any other object
     * @param <T> the interface
     * @return the new object
     * @throws IllegalArgumentException if {@code type} is not an interface or the name is in use
     * @throws IllegalStateException if the root already belongs to an object
     * @throws NullPointerException if an argument is null
     */
    <T> ClusteredObject<T> create(String name, Class<T> type, Root<? extends T> root);

    /**
     * Creates a clustered object from a root kind and a Rep factory.
     *
     * @param name a name not in use in this registry
     * @param type the interface clients call
     * @param kind how Reps map to slots ({@link RootKind#CLUSTERED} groups two slots per Rep)
     * @param repFactory creates the Rep with the given index
     * @param <T> the interface
     * @return the new object
     * @throws IllegalArgumentException if {@code type} is not an interface or the name is in use
     * @throws NullPointerException if an argument is null
     */
    <T> ClusteredObject<T> create(String name, Class<T> type, RootKind kind, IntFunction<? extends T> repFactory);

    /**
     * Finds a live object by name.
     *
     * @param name the name
     * @return the object, or empty
     */
    Optional<ClusteredObject<?>> find(String name);

    /**
     * Finds a live object by name and interface.
     *
     * @param name the name
     * @param type the interface the caller expects
     * @param <T> the interface
     * @return the object, or empty if no object has that name
     * @throws IllegalArgumentException if the object exists but has another interface
     */
    <T> Optional<ClusteredObject<T>> find(String name, Class<T> type);

    /**
     * All live objects.
     *
     * @return a snapshot
     */
    Collection<ClusteredObject<?>> objects();

    /**
     * Hot-swaps a live object to a new implementation while clients keep calling it: no call
     * fails, none is lost or run twice, the state moves through the best protocol both sides
     * support, and from then on every call runs on the new implementation. Returns when the swap
     * has ended. At most one swap runs on an object at a time: a second request waits for the
     * first to end (up to the runtime's swap deadline) and then runs.
     *
     * @param object the object
     * @param newRoot the new implementation's root, not attached to any object
     * @param <T> the interface
     * @return the record: {@link SwapRecord#completed()} or rolled back with its reason (the old
     *     implementation then still serves, its state intact)
     * @throws SwapRefusedException if the two implementations share no transfer protocol, the
     *     new one does not implement the interface, or another swap did not end in time; nothing changed
     * @throws IllegalStateException if the object was destroyed or the root already belongs to an object
     * @throws IllegalArgumentException if the object belongs to another registry
     * @throws NullPointerException if an argument is null
     */
    <T> SwapRecord swap(ClusteredObject<T> object, Root<? extends T> newRoot);

    /**
     * Destroys an object: its name is free again, its stub throws {@link IllegalStateException}
     * from then on. Destroying an object twice is not an error.
     *
     * @param object the object
     * @throws IllegalArgumentException if the object belongs to another registry
     */
    void destroy(ClusteredObject<?> object);
}
