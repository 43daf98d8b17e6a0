package io.swapline.examples.kv.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.swapline.examples.kv.KeyValueStore;
import io.swapline.examples.kv.KvProtocols;
import io.swapline.examples.kv.striped.StripedKeyValueStore;
import io.swapline.testing.SwapTestReport;
import io.swapline.testing.SwapTester;

/**
 * The key-value family swaps both ways under load with its state intact, through each protocol:
 * 4 client threads put, get, remove and snapshot their own keys while the store goes striped ->
 * snapshot -> striped ... 50 times per protocol.
 */
class StripedAndSnapshotSwapTest {

    private static final int CLIENTS = 4;
    private static final int SWAPS = 50;

    @Test
    void stateSurvivesSwapsBothWaysUnderLoadThroughEachProtocol() {
        List<OwnKeysKvClient> clients = new CopyOnWriteArrayList<>();
        SwapTestReport report = SwapTester.forInterface(KeyValueStore.class)
                .implementation("striped", StripedKeyValueStore::new)
                .implementation("snapshot", SnapshotKeyValueStore::new)
                .clients(CLIENTS, client -> {
                    if (client == 0) {
                        clients.clear(); // each protocol's run starts with new clients and a new store
                    }
                    OwnKeysKvClient made = new OwnKeysKvClient(client);
                    clients.add(made);
                    return made;
                })
                .state(KeyValueStore::snapshot)
                .afterEachRun(store -> {
                    Map<String, String> expected = new HashMap<>();
                    clients.forEach(client -> client.addOwnEntriesTo(expected));
                    assertEquals(expected, store.snapshot().entries(), "exactly the clients' entries, nothing else");
                    assertEquals(expected.size(), store.size());
                })
                .swaps(SWAPS)
                .verify();
        System.out.println(report);

        assertEquals(List.of(KvProtocols.BY_REFERENCE.name(), KvProtocols.CANONICAL_BYTES.name()), report.runs());
        assertEquals(Map.of(KvProtocols.BY_REFERENCE.name(), (long) SWAPS, KvProtocols.CANONICAL_BYTES.name(),
                (long) SWAPS), report.completedSwapsByProtocol());
        assertEquals(2 * SWAPS, report.transfersCompared());
        assertEquals(0, report.failedCalls());
        assertTrue(report.calls() >= 2L * CLIENTS * (SWAPS + 1), report::toString);
    }
}
