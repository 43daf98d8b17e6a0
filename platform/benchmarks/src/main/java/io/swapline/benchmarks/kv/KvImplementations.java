package io.swapline.benchmarks.kv;

import io.swapline.api.Root;
import io.swapline.examples.kv.KeyValueStore;
import io.swapline.examples.kv.snapshot.SnapshotKeyValueStore;
import io.swapline.examples.kv.striped.StripedKeyValueStore;

/** The key-value implementations the benchmarks choose by name. */
final class KvImplementations {

    private KvImplementations() {
    }

    /**
     * A new root.
     *
     * @param name {@code snapshot} or {@code striped}
     * @return an unattached root of that implementation
     */
    static Root<KeyValueStore> root(String name) {
        return switch (name) {
            case "snapshot" -> new SnapshotKeyValueStore();
            case "striped" -> new StripedKeyValueStore();
            default -> throw new IllegalArgumentException("no key-value implementation " + name);
        };
    }
}
