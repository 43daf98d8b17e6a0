package io.swapline.core.autonomic;

import static io.swapline.core.autonomic.PolicyDeciderTest.DISTRIBUTED;
import static io.swapline.core.autonomic.PolicyDeciderTest.SHARED;
import static io.swapline.core.autonomic.PolicyDeciderTest.T0;
import static io.swapline.core.autonomic.PolicyDeciderTest.contention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.swapline.api.ClusteredObject;
import io.swapline.api.autonomic.SignalRange;
import io.swapline.api.autonomic.Suitability;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.core.fixtures.Counter;

/** A policy's steps against a real runtime, with simulated signals and a fake clock. */
class ObjectPolicyTest {

    final ClusteredObjectRuntime runtime = new ClusteredObjectRuntime(4);
    final SimulatedSignals signals = new SimulatedSignals();

    @AfterEach
    void close() {
        runtime.close();
    }

    AutonomicPolicy<Counter> policy() {
        return AutonomicPolicy.<Counter>builder()
                .candidate(SHARED, signals::shared, Suitability.of(SignalRange.atMost("contention", 0.10)))
                .candidate(DISTRIBUTED, signals::distributed, Suitability.of(SignalRange.atLeast("contention", 0.10)))
                .hysteresis(0.5)
                .minimumDwell(Duration.ofSeconds(10))
                .maximumSwaps(3, Duration.ofMinutes(1))
                .build();
    }

    @Test
    void aSwapDecisionSwapsThroughTheRuntimeWithItsStateAndLogsTheReason() {
        ClusteredObject<Counter> counter = runtime.create("counter", Counter.class, signals.shared());
        ObjectPolicy<Counter> policy = new ObjectPolicy<>(runtime, counter, policy());
        for (int i = 0; i < 5; i++) {
            counter.stub().increment();
        }

        signals.set(contention(0.05));
        assertTrue(policy.step(T0));
        signals.set(contention(0.60));
        assertTrue(policy.step(T0.plusSeconds(1)));

        assertEquals(DISTRIBUTED, counter.implementationName());
        assertEquals(5, counter.stub().get(), "the count moved with the swap");
        List<AutonomicSwap> swaps = policy.status().swaps();
        assertEquals(1, swaps.size());
        AutonomicSwap swap = swaps.get(0);
        assertTrue(swap.completed(), swap.toString());
        assertEquals("contention=0.600", swap.decision().signals().toString());
        assertTrue(swap.decision().reason().startsWith("rules leave and enter: shared no longer suits: contention=0.600"),
                swap.decision().reason());
        assertEquals(counter.history().get(counter.history().size() - 1), swap.record(), "the runtime's record of it");
    }

    @Test
    void dwellAndRateHoldTheNextSwapsOnTheFakeClock() {
        ClusteredObject<Counter> counter = runtime.create("counter", Counter.class, signals.shared());
        ObjectPolicy<Counter> policy = new ObjectPolicy<>(runtime, counter, policy());

        signals.set(contention(0.6));
        policy.step(T0);
        signals.set(contention(0.0));
        policy.step(T0.plusSeconds(5)); // inside the dwell
        assertEquals(DISTRIBUTED, counter.implementationName());
        assertTrue(policy.status().lastDecision().reason().startsWith("rule dwell:"));
        policy.step(T0.plusSeconds(10));
        assertEquals(SHARED, counter.implementationName());
        signals.set(contention(0.6));
        policy.step(T0.plusSeconds(20));
        signals.set(contention(0.0));
        policy.step(T0.plusSeconds(30)); // a fourth swap within the minute
        assertEquals(DISTRIBUTED, counter.implementationName());
        assertTrue(policy.status().lastDecision().reason().startsWith("rule rate:"));
        assertEquals(3, counter.swapCount());
    }

    @Test
    void aDisabledPolicyNeitherSamplesNorSwaps() {
        ClusteredObject<Counter> counter = runtime.create("counter", Counter.class, signals.shared());
        ObjectPolicy<Counter> policy = new ObjectPolicy<>(runtime, counter, policy());

        policy.disable();
        signals.set(contention(0.9));
        policy.step(T0);

        assertEquals(SHARED, counter.implementationName());
        assertFalse(policy.status().enabled());
        assertEquals(null, policy.status().lastDecision());
    }

    @Test
    void aFailingFactoryIsLoggedAndTheObjectKeepsServing() {
        ClusteredObject<Counter> counter = runtime.create("counter", Counter.class, signals.shared());
        AutonomicPolicy<Counter> broken = AutonomicPolicy.<Counter>builder()
                .candidate(SHARED, signals::shared, Suitability.of(SignalRange.atMost("contention", 0.10)))
                .candidate(DISTRIBUTED, () -> {
                    throw new IllegalStateException("bundle uninstalled");
                }, Suitability.of(SignalRange.atLeast("contention", 0.10)))
                .build();
        ObjectPolicy<Counter> policy = new ObjectPolicy<>(runtime, counter, broken);

        signals.set(contention(0.9));
        policy.step(T0);

        assertEquals(SHARED, counter.implementationName());
        assertEquals(1, counter.stub().increment());
        AutonomicSwap swap = policy.status().swaps().get(0);
        assertFalse(swap.completed());
        assertTrue(swap.failure().contains("bundle uninstalled"), swap.failure());
    }

    @Test
    void aDestroyedObjectEndsItsPolicy() {
        ClusteredObject<Counter> counter = runtime.create("counter", Counter.class, signals.shared());
        ObjectPolicy<Counter> policy = new ObjectPolicy<>(runtime, counter, policy());

        runtime.destroy(counter);

        assertFalse(policy.step(T0));
    }

    @Test
    void theSchedulerDropsADestroyedObject() throws InterruptedException {
        ClusteredObject<Counter> counter = runtime.create("counter", Counter.class, signals.shared());
        try (AutonomicPolicies policies = new AutonomicPolicies(runtime)) {
            policies.enable(counter, AutonomicPolicy.<Counter>builder()
                    .candidate(SHARED, signals::shared, Suitability.of(SignalRange.atMost("contention", 0.10)))
                    .candidate(DISTRIBUTED, signals::distributed, Suitability.of(SignalRange.atLeast("contention", 0.10)))
                    .samplingPeriod(Duration.ofMillis(5))
                    .build());
            runtime.destroy(counter);
            for (int i = 0; i < 6_000 && policies.status("counter").isPresent(); i++) { // up to 60 s, by state
                Thread.sleep(10);
            }
            assertTrue(policies.status("counter").isEmpty(), "still scheduled: " + policies.status("counter"));
        }
    }

    @Test
    void enablingTwiceIsRefusedUntilDisabledAndShowKeepsTheStatus() {
        ClusteredObject<Counter> counter = runtime.create("counter", Counter.class, signals.shared());
        try (AutonomicPolicies policies = new AutonomicPolicies(runtime)) {
            policies.enable(counter, policy());
            assertThrows(IllegalStateException.class, () -> policies.enable(counter, policy()));
            assertTrue(policies.disable("counter"));
            assertFalse(policies.status("counter").orElseThrow().enabled());
            policies.enable(counter, policy());
            assertTrue(policies.status("counter").orElseThrow().enabled());
            assertFalse(policies.disable("no such object"));
        }
    }

    @Test
    void aSwapperCarriesOutTheSwapInsteadOfTheFactory() {
        ClusteredObject<Counter> counter = runtime.create("counter", Counter.class, signals.shared());
        List<String> asked = new ArrayList<>();
        AutonomicPolicy<Counter> throughALayer = AutonomicPolicy.<Counter>builder()
                .candidate(SHARED, signals::shared, Suitability.of(SignalRange.atMost("contention", 0.10)))
                .candidate(DISTRIBUTED, () -> {
                    throw new AssertionError("the swapper makes the root");
                }, Suitability.of(SignalRange.atLeast("contention", 0.10)))
                .swapper((target, decision) -> {
                    asked.add(target.implementationName() + ": " + decision.reason());
                    return runtime.swap(counter, signals.distributed());
                })
                .build();
        ObjectPolicy<Counter> policy = new ObjectPolicy<>(runtime, counter, throughALayer);

        signals.set(contention(0.9));
        policy.step(T0);

        assertEquals(DISTRIBUTED, counter.implementationName());
        assertEquals(1, asked.size());
        assertTrue(asked.get(0).startsWith(DISTRIBUTED + ": rules leave and enter:"), asked.get(0));
        assertTrue(policy.status().swaps().get(0).completed());
    }

    @Test
    void aSwapperThatFindsTheObjectChangedIsLoggedAsNotRun() {
        ClusteredObject<Counter> counter = runtime.create("counter", Counter.class, signals.shared());
        ObjectPolicy<Counter> policy = new ObjectPolicy<>(runtime, counter, AutonomicPolicy.<Counter>builder()
                .candidate(SHARED, signals::shared, Suitability.of(SignalRange.atMost("contention", 0.10)))
                .candidate(DISTRIBUTED, signals::distributed, Suitability.of(SignalRange.atLeast("contention", 0.10)))
                .swapper((target, decision) -> {
                    throw new IllegalStateException("an operator swapped it meanwhile");
                })
                .build());

        signals.set(contention(0.9));
        policy.step(T0);

        assertEquals(SHARED, counter.implementationName());
        assertEquals("an operator swapped it meanwhile", policy.status().swaps().get(0).failure());
    }

    @Test
    void anUpdatedPolicyKeepsItsPacingAndLog() {
        ClusteredObject<Counter> counter = runtime.create("counter", Counter.class, signals.shared());
        try (AutonomicPolicies policies = new AutonomicPolicies(runtime)) {
            AutonomicPolicy<Counter> onlyShared = AutonomicPolicy.<Counter>builder()
                    .candidate(SHARED, signals::shared, Suitability.of(SignalRange.atMost("contention", 0.10)))
                    .samplingPeriod(Duration.ofHours(1)) // the test steps the policy itself
                    .build();
            policies.enable(counter, onlyShared);
            ObjectPolicy<Counter> policy = new ObjectPolicy<>(runtime, counter, onlyShared);

            signals.set(contention(0.9));
            policy.step(T0);
            assertEquals(SHARED, counter.implementationName(), "one candidate only holds");
            assertTrue(policy.status().lastDecision().reason().startsWith("rule enter:"));

            policy.update(policy());
            policy.step(T0.plusSeconds(1));
            assertEquals(DISTRIBUTED, counter.implementationName(), "the added candidate is swapped to");
            signals.set(contention(0.0));
            policy.update(policy());
            policy.step(T0.plusSeconds(2));
            assertTrue(policy.status().lastDecision().reason().startsWith("rule dwell:"), "the pacing carried over");
            assertEquals(1, policy.status().swaps().size(), "the log carried over");

            assertTrue(policies.update(counter, policy()));
            assertTrue(policies.status("counter").orElseThrow().policy().contains(DISTRIBUTED));
            assertFalse(policies.update(runtime.create("other", Counter.class, signals.shared()), policy()));
        }
    }
}
