package io.swapline.examples.kv.snapshot;

import java.util.Map;
import java.util.Objects;

import io.swapline.examples.kv.KeyValueStore;
import io.swapline.testing.SwapClient;

/**
 * A swap-test client that owns {@value #KEYS} keys: it puts and now and then removes them in
 * turn, and checks on every call that the store answers as its own model says — the value it
 * read, the previous value a write returns, and, every {@value #SNAPSHOT_EVERY} calls, its keys
 * in a whole-store snapshot. A swap that loses, resurrects or mixes up an entry fails a call.
 */
final class OwnKeysKvClient implements SwapClient<KeyValueStore> {

    static final int KEYS = 64;
    private static final int SNAPSHOT_EVERY = 64;

    private final String prefix;
    private final String[] model = new String[KEYS]; // null: absent

    OwnKeysKvClient(int client) {
        this.prefix = "client-" + client + "-key-";
    }

    @Override
    public void call(KeyValueStore store, long iteration) {
        int k = (int) (iteration % KEYS);
        String key = prefix + k;
        expect(key, "get", model[k], store.get(key));
        if (iteration % 5 == 4) {
            expect(key, "remove", model[k], store.remove(key));
            model[k] = null;
        } else {
            String value = "value-" + iteration;
            expect(key, "put", model[k], store.put(key, value));
            model[k] = value;
        }
        if (iteration % SNAPSHOT_EVERY == SNAPSHOT_EVERY - 1) {
            checkOwnKeysIn(store.snapshot().entries());
        }
    }

    @Override
    public void checkAfterLastCall(KeyValueStore store) {
        checkOwnKeysIn(store.snapshot().entries());
    }

    /** Adds this client's present keys and values to {@code expected}. */
    void addOwnEntriesTo(Map<String, String> expected) {
        for (int k = 0; k < KEYS; k++) {
            if (model[k] != null) {
                expected.put(prefix + k, model[k]);
            }
        }
    }

    private void checkOwnKeysIn(Map<String, String> entries) {
        for (int k = 0; k < KEYS; k++) {
            expect(prefix + k, "snapshot", model[k], entries.get(prefix + k));
        }
    }

    private static void expect(String key, String operation, String expected, String actual) {
        if (!Objects.equals(expected, actual)) {
            throw new AssertionError(operation + " of " + key + ": expected " + expected + ", got " + actual);
        }
    }
}
