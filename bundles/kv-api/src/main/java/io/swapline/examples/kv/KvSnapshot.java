package io.swapline.examples.kv;

import java.util.Map;
import java.util.Objects;

/**
 * Every entry of a {@link KeyValueStore} at one moment, immutable: safe to share between
 * threads and to hand from one implementation to another by reference
 * ({@link KvProtocols#BY_REFERENCE}).
 *
 * @param entries the entries; an unmodifiable map with no null key or value
 */
public record KvSnapshot(Map<String, String> entries) {

    /** The snapshot of an empty store. */
    public static final KvSnapshot EMPTY = new KvSnapshot(Map.of());

    /**
     * Freezes the entries: keeps {@code entries} itself if it is already an unmodifiable map
     * made by {@link Map#copyOf} or {@link Map#of}, copies it otherwise.
     *
     * @param entries the entries
     * @throws NullPointerException if {@code entries}, a key or a value is null
     */
    public KvSnapshot {
        entries = Map.copyOf(Objects.requireNonNull(entries, "entries"));
    }

    /**
     * The number of entries.
     *
     * @return the size
     */
    public int size() {
        return entries.size();
    }
}
