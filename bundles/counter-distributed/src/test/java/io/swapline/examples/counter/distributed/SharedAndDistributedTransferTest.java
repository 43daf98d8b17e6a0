package io.swapline.examples.counter.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.swapline.api.ClusteredObject;
import io.swapline.api.RootKind;
import io.swapline.api.SwapRecord;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.examples.counter.Counter;
import io.swapline.examples.counter.CounterProtocols;
import io.swapline.examples.counter.shared.SharedCounter;

/** The shared and the distributed counter hand their count to each other, both ways, exactly. */
class SharedAndDistributedTransferTest {

    @Test
    void countSurvivesSharedToDistributedAndBack() throws Exception {
        try (ClusteredObjectRuntime runtime = new ClusteredObjectRuntime()) {
            ClusteredObject<Counter> counter = runtime.create("counter", Counter.class, new SharedCounter());
            Counter stub = counter.stub();
            incrementFromThreads(stub, 4, 1000);

            SwapRecord toDistributed = runtime.swap(counter, new DistributedCounter());
            assertTrue(toDistributed.completed(), toDistributed::toString);
            assertEquals(CounterProtocols.CANONICAL_COUNT.name(), toDistributed.protocol());
            assertEquals(RootKind.DISTRIBUTED, counter.kind());
            assertEquals(4000, stub.get());
            incrementFromThreads(stub, 4, 500);
            assertEquals(6000, stub.get());

            SwapRecord toShared = runtime.swap(counter, new SharedCounter());
            assertTrue(toShared.completed(), toShared::toString);
            assertEquals(CounterProtocols.CANONICAL_COUNT.name(), toShared.protocol());
            assertEquals(6000, stub.get());
            assertEquals("shared counter 1.0", stub.implementation());

            SwapRecord sharedToShared = runtime.swap(counter, new SharedCounter());
            assertEquals(CounterProtocols.CELL_BY_REFERENCE.name(), sharedToShared.protocol(), "the higher bit wins");
            assertEquals(6000, stub.get());
        }
    }

    private static void incrementFromThreads(Counter stub, int threads, int each) throws InterruptedException {
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    stub.increment();
                }
            });
            thread.start();
            started.add(thread);
        }
        for (Thread thread : started) {
            thread.join();
        }
    }
}
