package io.swapline.examples.kv;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A map from string keys to string values that many threads use at once: the second example
 * clustered object. Clients find it as an OSGi service under this interface with
 * {@code (swapline.object=kv)}; implementations are roots annotated with
 * {@code @SwappableImplementation(object = "kv", type = KeyValueStore.class)}.
 *
 * <p>Keys and values are never null. Each single-key operation is atomic; a write that has
 * returned is seen by every later read, also across swaps of the implementation.
 */
@ProviderType
public interface KeyValueStore {

    /**
     * The value of a key.
     *
     * @param key the key
     * @return the value, or null if the key is absent
     * @throws NullPointerException if {@code key} is null
     */
    String get(String key);

    /**
     * Sets the value of a key.
     *
     * @param key the key
     * @param value the new value
     * @return the previous value, or null if the key was absent
     * @throws NullPointerException if {@code key} or {@code value} is null
     */
    String put(String key, String value);

    /**
     * Removes a key.
     *
     * @param key the key
     * @return the value it had, or null if it was absent
     * @throws NullPointerException if {@code key} is null
     */
    String remove(String key);

    /**
     * The number of keys: exact when no write runs at the same time, otherwise an estimate between
     * the sizes before and after the concurrent writes.
     *
     * @return the number of keys
     */
    int size();

    /**
     * Every entry at one moment: a consistent, immutable copy that later writes do not change.
     *
     * @return the snapshot
     */
    KvSnapshot snapshot();

    /**
     * Which code serves the call, e.g. {@code "striped kv 1.0"}: shows which implementation runs
     * after a swap.
     *
     * @return a short description of the implementation
     */
    String implementation();
}
