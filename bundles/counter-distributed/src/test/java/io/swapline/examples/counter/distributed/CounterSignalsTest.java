package io.swapline.examples.counter.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

import io.swapline.api.ClusteredObject;
import io.swapline.api.autonomic.Signals;
import io.swapline.api.autonomic.Suitability;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.examples.counter.Counter;
import io.swapline.examples.counter.CounterSignals;
import io.swapline.examples.counter.shared.SharedCounter;

/**
 * The counters' {@link CounterSignals#CONTENTION}: the shared counter measures it, the distributed
 * one estimates it; one calling thread is no contention on either, a few threads calling now and
 * then stay far below the boundary both declare (1 per 1,000 increments), threads incrementing
 * flat out estimate far more.
 */
class CounterSignalsTest {

    static final double BOUNDARY = 1;

    @Test
    void oneThreadIsNoContentionOnEitherCounter() {
        try (ClusteredObjectRuntime runtime = new ClusteredObjectRuntime(16)) {
            SharedCounter shared = new SharedCounter();
            ClusteredObject<Counter> counter = runtime.create("counter", Counter.class, shared);
            increment(counter.stub(), 1, 200_000, 0);
            assertEquals(0.0, contention(shared.sampleSignals()));

            DistributedCounter distributed = new DistributedCounter();
            runtime.swap(counter, distributed);
            increment(counter.stub(), 1, 200_000, 0);
            assertEquals(0.0, contention(distributed.sampleSignals()));
            assertTrue(distributed.sampleSignals().isEmpty(), "no increment since the last sample: no data");
        }
    }

    @Test
    void aFewThreadsCallingNowAndThenAreFarBelowTheBoundaryAndThreadsFlatOutFarAboveThem() {
        double slow = estimate(3, 200, 500_000);
        double flatOut = estimate(4, 2_000_000, 0);
        assertTrue(slow < BOUNDARY / 10, "a few threads now and then: " + slow);
        // Not against the boundary: how fast threads increment flat out depends on the machine and its load.
        assertTrue(flatOut > 100 * slow, "flat out " + flatOut + ", now and then " + slow);
    }

    /** The distributed counter's estimate over one interval in which threads increment. */
    private static double estimate(int threads, int each, long pauseNanos) {
        try (ClusteredObjectRuntime runtime = new ClusteredObjectRuntime(16)) {
            DistributedCounter distributed = new DistributedCounter();
            ClusteredObject<Counter> counter = runtime.create("counter", Counter.class, distributed);
            increment(counter.stub(), threads, each, pauseNanos);
            return contention(distributed.sampleSignals());
        }
    }

    @Test
    void theDeclaredSuitabilitiesShareTheirBoundary() {
        assertEquals(Suitability.parse(CounterSignals.CONTENTION + " <= 1").ranges().get(0).max(),
                Suitability.parse(CounterSignals.CONTENTION + " >= 1").ranges().get(0).min());
    }

    private static double contention(Signals signals) {
        return signals.value(CounterSignals.CONTENTION).orElseThrow();
    }

    private static void increment(Counter stub, int threads, int each, long pauseNanos) {
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    stub.increment();
                    if (pauseNanos > 0) {
                        LockSupport.parkNanos(pauseNanos);
                    }
                }
            });
            thread.start();
            started.add(thread);
        }
        for (Thread thread : started) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
