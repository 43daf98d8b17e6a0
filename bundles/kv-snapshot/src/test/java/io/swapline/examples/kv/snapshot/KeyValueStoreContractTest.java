package io.swapline.examples.kv.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.swapline.api.Root;
import io.swapline.examples.kv.KeyValueStore;
import io.swapline.examples.kv.KvCanonicalForm;
import io.swapline.examples.kv.KvProtocols;
import io.swapline.examples.kv.KvSnapshot;
import io.swapline.examples.kv.striped.StripedKeyValueStore;

/** What every KeyValueStore implementation of the family does, on its own Rep (no runtime). */
class KeyValueStoreContractTest {

    static Stream<Supplier<Root<KeyValueStore>>> implementations() {
        return Stream.of(StripedKeyValueStore::new, SnapshotKeyValueStore::new);
    }

    private static KeyValueStore repOf(Root<KeyValueStore> root) {
        root.attach(1);
        return root.handleMiss(0);
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void putGetRemoveAndSizeBehaveLikeAMap(Supplier<Root<KeyValueStore>> implementation) {
        KeyValueStore store = repOf(implementation.get());

        assertNull(store.put("a", "1"));
        assertEquals("1", store.put("a", "2"));
        assertNull(store.put("b", "3"));
        assertEquals("2", store.get("a"));
        assertEquals(2, store.size());
        assertEquals("3", store.remove("b"));
        assertNull(store.remove("b"));
        assertNull(store.get("b"));
        assertEquals(new KvSnapshot(Map.of("a", "2")), store.snapshot());
        assertThrows(NullPointerException.class, () -> store.put("c", null));
        assertThrows(NullPointerException.class, () -> store.get(null));
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void aSnapshotDoesNotChangeWithLaterWrites(Supplier<Root<KeyValueStore>> implementation) {
        KeyValueStore store = repOf(implementation.get());
        store.put("k", "before");

        KvSnapshot snapshot = store.snapshot();
        store.put("k", "after");
        store.put("other", "x");

        assertEquals(Map.of("k", "before"), snapshot.entries());
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void exportLeavesTheStoreAsItWasAndImportTakesEveryEntry(Supplier<Root<KeyValueStore>> implementation) {
        Root<KeyValueStore> from = implementation.get();
        KeyValueStore old = repOf(from);
        for (int i = 0; i < 100; i++) {
            old.put("key-" + i, "value-" + i);
        }
        KvSnapshot before = old.snapshot();

        KvSnapshot byReference = from.exportState(KvProtocols.BY_REFERENCE);
        byte[] bytes = from.exportState(KvProtocols.CANONICAL_BYTES);

        assertEquals(before, old.snapshot(), "export must not modify the store");
        assertEquals(before, byReference);
        assertEquals(before.entries(), KvCanonicalForm.decode(bytes));
        for (Supplier<Root<KeyValueStore>> other : implementations().toList()) {
            Root<KeyValueStore> viaReference = other.get();
            KeyValueStore first = repOf(viaReference);
            viaReference.importState(KvProtocols.BY_REFERENCE, byReference);
            assertEquals(before, first.snapshot());
            Root<KeyValueStore> viaBytes = other.get();
            KeyValueStore second = repOf(viaBytes);
            viaBytes.importState(KvProtocols.CANONICAL_BYTES, bytes);
            assertEquals(before, second.snapshot());
        }
    }

    /** Many iterations from 4 threads on disjoint keys: every write lands, none is lost. */
    @ParameterizedTest
    @MethodSource("implementations")
    void concurrentWritersOfDisjointKeysAllLand(Supplier<Root<KeyValueStore>> implementation) throws Exception {
        KeyValueStore store = repOf(implementation.get());
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String prefix = "writer-" + t + "-";
            writers.add(new Thread(() -> {
                try {
                    for (int i = 0; i < 2_000; i++) {
                        String key = prefix + (i % 100);
                        String previous = store.put(key, Integer.toString(i));
                        String expected = i < 100 ? null : Integer.toString(i - 100);
                        if (!java.util.Objects.equals(expected, previous)) {
                            failures.add(new AssertionError(key + ": previous " + previous + ", expected " + expected));
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        writers.forEach(Thread::start);
        for (Thread writer : writers) {
            writer.join();
        }

        assertEquals(List.of(), List.copyOf(failures));
        Map<String, String> expected = new HashMap<>();
        for (int t = 0; t < 4; t++) {
            for (int k = 0; k < 100; k++) {
                expected.put("writer-" + t + "-" + k, Integer.toString(1_900 + k));
            }
        }
        assertEquals(expected, store.snapshot().entries());
        assertEquals(400, store.size());
    }
}
