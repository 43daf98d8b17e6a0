package io.swapline.examples.kv.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.swapline.api.Root;
import io.swapline.api.autonomic.SignalRange;
import io.swapline.api.autonomic.Signals;
import io.swapline.api.autonomic.Suitability;
import io.swapline.api.autonomic.WorkloadSignals;
import io.swapline.examples.kv.KeyValueStore;
import io.swapline.examples.kv.KvSignals;
import io.swapline.examples.kv.striped.StripedKeyValueStore;

/** Both implementations report the family's signals from their own calls, and split the mixes between them. */
class KvWorkloadSignalsTest {

    static Stream<Supplier<Root<KeyValueStore>>> implementations() {
        return Stream.of(StripedKeyValueStore::new, SnapshotKeyValueStore::new);
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void aKnownMixGivesItsWriteRatioAndTheNumberOfKeys(Supplier<Root<KeyValueStore>> implementation) {
        Root<KeyValueStore> root = implementation.get();
        root.attach(1);
        KeyValueStore store = root.handleMiss(0);
        for (int i = 0; i < 20; i++) {
            store.put("key-" + i, "value");             // 20 writes
        }
        store.remove("key-0");                          // 1 write
        store.remove("absent");                         // 1 write, though nothing is removed
        for (int i = 0; i < 66; i++) {
            store.get("key-" + (i % 25));               // 66 reads, some of absent keys
        }
        store.size();                                   // not operations
        store.snapshot();
        store.implementation();

        Signals signals = ((WorkloadSignals) root).sampleSignals();

        assertEquals(22 / 88.0, signals.value(KvSignals.WRITE_RATIO).orElseThrow(), 1e-12, signals::toString);
        assertEquals(19, signals.value(KvSignals.KEYS).orElseThrow(), signals::toString);
        store.get("key-1");
        assertEquals(0, ((WorkloadSignals) root).sampleSignals().value(KvSignals.WRITE_RATIO).orElseThrow(),
                "each sample covers the calls since the previous one");
    }

    @Test
    void readHeavyMixesSuitTheSnapshotStoreAndWriteHeavyOnesTheStripedOneWithOneBoundary() {
        SignalRange snapshot = single(Suitability.parse(SnapshotKeyValueStore.SUITS));
        SignalRange striped = single(Suitability.parse(StripedKeyValueStore.SUITS));

        assertEquals(KvSignals.WRITE_RATIO, snapshot.signal());
        assertEquals(KvSignals.WRITE_RATIO, striped.signal());
        assertEquals(0, snapshot.min());
        assertEquals(snapshot.max(), striped.min(), "neighbours share their boundary; the policy's margin makes the gap");
        assertEquals(Double.POSITIVE_INFINITY, striped.max());
    }

    private static SignalRange single(Suitability suitability) {
        assertEquals(1, suitability.ranges().size(), suitability::toString);
        return suitability.ranges().get(0);
    }
}
