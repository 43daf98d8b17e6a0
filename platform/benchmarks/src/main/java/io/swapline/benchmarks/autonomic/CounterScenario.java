package io.swapline.benchmarks.autonomic;

import java.time.Duration;
import java.util.function.Supplier;

import io.swapline.api.ClusteredObject;
import io.swapline.api.Root;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.core.autonomic.AutonomicPolicies;
import io.swapline.core.autonomic.AutonomicPolicy;

/**
 * The counter under contention and then without: after a warm-up with 1 client thread (which
 * the shared counter suits), a phase with 2 threads incrementing (contended: the distributed
 * counter is better) and a phase with 1 again. The policy starts shared, so each measured phase
 * holds one autonomic swap: to distributed, then back.
 */
final class CounterScenario {

    static final String SHARED = BenchCounters.Shared.class.getName();
    static final String DISTRIBUTED = BenchCounters.Distributed.class.getName();

    private CounterScenario() {
    }

    /**
     * Runs one configuration.
     *
     * @param variant fixed shared, fixed distributed or the policy
     * @param phaseMillis the length of each measured phase
     * @param warmUpMillis the warm-up before the first
     * @return the contended phase, then the quiet one
     * @throws InterruptedException if interrupted
     */
    static PhaseResult[] run(Variant variant, long phaseMillis, long warmUpMillis) throws InterruptedException {
        Supplier<Root<BenchCounter>> initial = variant == Variant.FIXED_SECOND ? BenchCounters.Distributed::new
                : BenchCounters.Shared::new;
        try (ClusteredObjectRuntime runtime = new ClusteredObjectRuntime();
                AutonomicPolicies policies = new AutonomicPolicies(runtime)) {
            ClusteredObject<BenchCounter> counter = runtime.create("counter", BenchCounter.class, initial.get());
            if (variant == Variant.POLICY_WARM_SWAP_PATH) {
                SwapPathWarmUp.swapBothWays(runtime, BenchCounter.class, BenchCounters.Shared::new,
                        BenchCounters.Distributed::new);
            }
            if (variant.hasPolicy()) {
                policies.enable(counter, policy());
            }
            BenchCounter stub = counter.stub();
            ClientThreads clients = new ClientThreads(2, thread -> stub::increment);
            System.out.println("  client thread ids " + clients.ids());
            clients.add();
            Thread.sleep(warmUpMillis);
            clients.add();
            PhaseResult contended = PhaseMeter.measure(phaseMillis, clients.calls(), counter::implementationName);
            clients.removeOne();
            PhaseResult quiet = PhaseMeter.measure(phaseMillis, clients.calls(), counter::implementationName);
            clients.removeAll();
            if (stub.sum() != clients.acknowledged()) {
                throw new AssertionError("count " + stub.sum() + " != acknowledged " + clients.acknowledged());
            }
            policies.status("counter").ifPresent(status -> status.swaps().forEach(swap -> System.out.println("  " + swap)));
            return new PhaseResult[] {contended, quiet};
        }
    }

    private static AutonomicPolicy<BenchCounter> policy() {
        return AutonomicPolicy.<BenchCounter>builder()
                .candidate(SHARED, BenchCounters.Shared::new, BenchCounters.SHARED_SUITS)
                .candidate(DISTRIBUTED, BenchCounters.Distributed::new, BenchCounters.DISTRIBUTED_SUITS)
                .samplingPeriod(Duration.ofMillis(100))
                .hysteresis(0.5)
                .minimumDwell(Duration.ofSeconds(1))
                .maximumSwaps(4, Duration.ofMinutes(1))
                .build();
    }
}
