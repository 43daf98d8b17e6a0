package io.swapline.examples.kv.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import io.swapline.api.ClusteredObject;
import io.swapline.api.autonomic.Suitability;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.core.autonomic.AutonomicPolicies;
import io.swapline.core.autonomic.AutonomicPolicy;
import io.swapline.core.autonomic.AutonomicSwap;
import io.swapline.examples.kv.KeyValueStore;
import io.swapline.examples.kv.KvSignals;
import io.swapline.examples.kv.striped.StripedKeyValueStore;

/**
 * End to end, no framework and nobody calling swap: the store starts as the snapshot map; when
 * the clients' mix turns write-heavy the policy swaps it to the striped map, and when it turns
 * read-heavy again, back. Every put a client saw acknowledged is in the store at the end, with
 * the value of the client's last acknowledged write. Waits are bounded waits for a state.
 */
class AutonomicKvSwapUnderLoadTest {

    private static final String SNAPSHOT = SnapshotKeyValueStore.class.getName();
    private static final String STRIPED = StripedKeyValueStore.class.getName();
    private static final int CLIENTS = 3;

    @Test
    void aWriteHeavyMixSwapsToStripedAndAReadHeavyOneBackWithEveryAcknowledgedPutKept() throws InterruptedException {
        AutonomicPolicy<KeyValueStore> policy = AutonomicPolicy.<KeyValueStore>builder()
                .candidate(SNAPSHOT, SnapshotKeyValueStore::new, Suitability.parse(SnapshotKeyValueStore.SUITS))
                .candidate(STRIPED, StripedKeyValueStore::new, Suitability.parse(StripedKeyValueStore.SUITS))
                .samplingPeriod(Duration.ofMillis(50))
                .hysteresis(0.5)
                .minimumDwell(Duration.ofMillis(200))
                .maximumSwaps(10, Duration.ofMinutes(1))
                .build();
        try (ClusteredObjectRuntime runtime = new ClusteredObjectRuntime();
                AutonomicPolicies policies = new AutonomicPolicies(runtime)) {
            ClusteredObject<KeyValueStore> kv = runtime.create("kv", KeyValueStore.class, new SnapshotKeyValueStore());
            policies.enable(kv, policy);
            MixedKvClient.Mix mix = new MixedKvClient.Mix(50);
            List<MixedKvClient> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(MixedKvClient.start(kv.stub(), mix, i));
            }

            awaitState(() -> kv.implementationName().equals(STRIPED), "swapped to striped by half writes", policies);
            mix.setWritesPerHundred(0);
            awaitState(() -> kv.implementationName().equals(SNAPSHOT), "swapped back to snapshot by reads only", policies);
            for (MixedKvClient client : clients) {
                client.finish();
            }

            Map<String, String> acknowledged = new HashMap<>();
            clients.forEach(client -> client.addAcknowledgedEntriesTo(acknowledged));
            assertEquals(acknowledged, kv.stub().snapshot().entries(), "every acknowledged put, with its last value");
            assertTrue(clients.stream().allMatch(client -> client.failure() == null), "no call failed");
            List<AutonomicSwap> swaps = policies.status("kv").orElseThrow().swaps();
            assertTrue(swaps.stream().filter(AutonomicSwap::completed).count() >= 2, swaps.toString());
            assertEquals(STRIPED, swaps.get(0).decision().target());
            assertTrue(swaps.get(0).decision().reason().contains(KvSignals.WRITE_RATIO + "="),
                    swaps.get(0).decision().reason());
        }
    }

    private static void awaitState(BooleanSupplier state, String what, AutonomicPolicies policies)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!state.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not " + what + " within 60 s: " + policies.status("kv").orElseThrow());
            }
            Thread.sleep(10);
        }
    }
}
