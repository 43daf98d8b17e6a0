package io.swapline.benchmarks.autonomic;

import java.time.Duration;

import io.swapline.api.ClusteredObject;
import io.swapline.api.autonomic.Suitability;
import io.swapline.benchmarks.kv.KvWorkload;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.core.autonomic.AutonomicPolicies;
import io.swapline.core.autonomic.AutonomicPolicy;
import io.swapline.examples.kv.KeyValueStore;
import io.swapline.examples.kv.snapshot.SnapshotKeyValueStore;
import io.swapline.examples.kv.striped.StripedKeyValueStore;

/**
 * The key-value store of the example bundles ({@value #KEYS} keys, 2 client threads) under a
 * read-heavy phase ({@value #READ_HEAVY} writes per operation: the snapshot store is better) and
 * then a write-heavy one ({@value #WRITE_HEAVY}: the striped store is better), after a warm-up
 * with the write-heavy mix. The policy starts striped, which suits the warm-up, so each measured
 * phase holds one autonomic swap: to snapshot, then back.
 */
final class KvScenario {

    static final String SNAPSHOT = SnapshotKeyValueStore.class.getName();
    static final String STRIPED = StripedKeyValueStore.class.getName();
    static final int KEYS = 100;
    static final double READ_HEAVY = 0.001;
    static final double WRITE_HEAVY = 0.5;
    private static final int THREADS = 2;

    private KvScenario() {
    }

    /**
     * Runs one configuration.
     *
     * @param variant fixed snapshot, fixed striped or the policy
     * @param phaseMillis the length of each measured phase
     * @param warmUpMillis the warm-up before the first
     * @return the read-heavy phase, then the write-heavy one
     * @throws InterruptedException if interrupted
     */
    static PhaseResult[] run(Variant variant, long phaseMillis, long warmUpMillis) throws InterruptedException {
        try (ClusteredObjectRuntime runtime = new ClusteredObjectRuntime();
                AutonomicPolicies policies = new AutonomicPolicies(runtime)) {
            ClusteredObject<KeyValueStore> kv = runtime.create("kv", KeyValueStore.class,
                    variant == Variant.FIXED_FIRST ? new SnapshotKeyValueStore() : new StripedKeyValueStore());
            if (variant == Variant.POLICY_WARM_SWAP_PATH) {
                SwapPathWarmUp.swapBothWays(runtime, KeyValueStore.class, StripedKeyValueStore::new,
                        SnapshotKeyValueStore::new);
            }
            if (variant.hasPolicy()) {
                policies.enable(kv, policy());
            }
            KvWorkload workload = new KvWorkload(kv.stub(), KEYS);
            WriteRatio mix = new WriteRatio(WRITE_HEAVY);
            ClientThreads clients = new ClientThreads(THREADS, thread -> {
                KvWorkload.Mix random = new KvWorkload.Mix();
                return () -> workload.operation(random, mix.value);
            });
            System.out.println("  client thread ids " + clients.ids());
            for (int t = 0; t < THREADS; t++) {
                clients.add();
            }
            Thread.sleep(warmUpMillis);
            mix.value = READ_HEAVY;
            PhaseResult readHeavy = PhaseMeter.measure(phaseMillis, clients.calls(), kv::implementationName);
            mix.value = WRITE_HEAVY;
            PhaseResult writeHeavy = PhaseMeter.measure(phaseMillis, clients.calls(), kv::implementationName);
            clients.removeAll();
            if (kv.stub().size() != KEYS || !kv.stub().snapshot().entries().keySet().equals(workload.keys())) {
                throw new AssertionError("keys lost or added: " + kv.stub().snapshot().entries().keySet());
            }
            policies.status("kv").ifPresent(status -> status.swaps().forEach(swap -> System.out.println("  " + swap)));
            return new PhaseResult[] {readHeavy, writeHeavy};
        }
    }

    private static AutonomicPolicy<KeyValueStore> policy() {
        return AutonomicPolicy.<KeyValueStore>builder()
                .candidate(SNAPSHOT, SnapshotKeyValueStore::new, Suitability.parse(SnapshotKeyValueStore.SUITS))
                .candidate(STRIPED, StripedKeyValueStore::new, Suitability.parse(StripedKeyValueStore.SUITS))
                .samplingPeriod(Duration.ofMillis(100))
                .hysteresis(0.5)
                .minimumDwell(Duration.ofSeconds(1))
                .maximumSwaps(4, Duration.ofMinutes(1))
                .build();
    }

    /** The clients' share of writes, changed between phases. */
    private static final class WriteRatio {
        volatile double value;

        WriteRatio(double value) {
            this.value = value;
        }
    }
}
