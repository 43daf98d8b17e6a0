package io.swapline.core.autonomic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import io.swapline.api.ClusteredObject;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.core.fixtures.Counter;

/**
 * End to end: nobody calls swap. The counter starts shared; four threads make it contended and
 * the policy swaps it to the distributed implementation by itself; three stop and it swaps back.
 * Every acknowledged increment is counted exactly. Waits are bounded waits for a state, never a
 * timing assertion.
 */
class AutonomicSwapUnderLoadTest {

    static final String SHARED = ContentionCountingSharedCounter.class.getName();
    static final String DISTRIBUTED = SlotSpreadDistributedCounter.class.getName();

    @Test
    void contentionSwapsTheCounterToDistributedAndItsEndSwapsItBackWithTheCountExact() throws InterruptedException {
        AutonomicPolicy<Counter> policy = AutonomicPolicy.<Counter>builder()
                .candidate(SHARED, ContentionCountingSharedCounter::new, ContentionCountingSharedCounter.SUITS)
                .candidate(DISTRIBUTED, SlotSpreadDistributedCounter::new, SlotSpreadDistributedCounter.SUITS)
                .samplingPeriod(Duration.ofMillis(50))
                .hysteresis(0.5)
                .minimumDwell(Duration.ofMillis(200))
                .maximumSwaps(10, Duration.ofMinutes(1))
                .build();
        try (ClusteredObjectRuntime runtime = new ClusteredObjectRuntime(16);
                AutonomicPolicies policies = new AutonomicPolicies(runtime)) {
            ClusteredObject<Counter> counter = runtime.create("counter", Counter.class, new ContentionCountingSharedCounter());
            policies.enable(counter, policy);
            AtomicLong acknowledged = new AtomicLong();
            List<Client> clients = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                clients.add(Client.start(counter.stub(), acknowledged, "client-" + i));
            }

            awaitState(() -> counter.implementationName().equals(DISTRIBUTED), "swapped to distributed under load", policies);
            for (Client client : clients.subList(1, 4)) {
                client.finish();
            }
            awaitState(() -> counter.implementationName().equals(SHARED), "swapped back to shared with one client", policies);
            clients.get(0).finish();

            assertEquals(acknowledged.get(), counter.stub().get(), "every acknowledged increment, once");
            assertTrue(clients.stream().allMatch(client -> client.failure == null), "no call failed");
            List<AutonomicSwap> swaps = policies.status("counter").orElseThrow().swaps();
            assertTrue(swaps.stream().filter(AutonomicSwap::completed).count() >= 2, swaps.toString());
            AutonomicSwap first = swaps.get(0);
            assertEquals(DISTRIBUTED, first.decision().target());
            assertTrue(first.decision().reason().contains("contention="), first.decision().reason());
            assertEquals(counter.history().get(0), first.record(), "the same swap as the runtime recorded");
        }
    }

    private static void awaitState(BooleanSupplier state, String what, AutonomicPolicies policies)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!state.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not " + what + " within 60 s: " + policies.status("counter").orElseThrow());
            }
            Thread.sleep(10);
        }
    }

    /** A thread incrementing as fast as it can until stopped, counting what the counter acknowledged. */
    private static final class Client extends Thread {
        private final Counter counter;
        private final AtomicLong acknowledged;
        private volatile boolean running = true;
        volatile Throwable failure;

        private Client(Counter counter, AtomicLong acknowledged, String name) {
            super(name);
            this.counter = counter;
            this.acknowledged = acknowledged;
        }

        static Client start(Counter counter, AtomicLong acknowledged, String name) {
            Client client = new Client(counter, acknowledged, name);
            client.start();
            return client;
        }

        @Override
        public void run() {
            long mine = 0;
            try {
                while (running) {
                    counter.increment();
                    mine++;
                }
            } catch (Throwable e) {
                failure = e;
            } finally {
                acknowledged.addAndGet(mine);
            }
        }

        void finish() throws InterruptedException {
            running = false;
            join();
        }
    }
}
