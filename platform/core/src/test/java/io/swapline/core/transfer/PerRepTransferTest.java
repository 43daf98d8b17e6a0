package io.swapline.core.transfer;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.swapline.api.ClusteredObject;
import io.swapline.api.SwapRecord;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.core.fixtures.Counter;
import io.swapline.core.fixtures.PerRepCounter;
import io.swapline.core.fixtures.SharedCounter;

/** Distributed objects move their state Rep by Rep, in parallel, when both sides speak a per-Rep protocol. */
class PerRepTransferTest {

    private final ClusteredObjectRuntime runtime = new ClusteredObjectRuntime(8);

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void eachRepsStateMovesToTheRepWithTheSameIndexOnPlatformThreads() throws Exception {
        PerRepCounter old = new PerRepCounter();
        ClusteredObject<Counter> counter = runtime.create("counter", Counter.class, old);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            int increments = 100 * (t + 1);
            threads.add(new Thread(() -> {
                for (int i = 0; i < increments; i++) {
                    counter.stub().increment();
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        int[] usedReps = old.repIndexes();
        assertTrue(usedReps.length > 1, "several Reps in use");

        PerRepCounter next = new PerRepCounter();
        SwapRecord record = runtime.swap(counter, next);

        assertTrue(record.completed(), record::toString);
        assertEquals("counter-cells", record.protocol(), "bit 8 beats bit 1 between equal layouts");
        for (int index : usedReps) {
            assertEquals(old.cellValue(index), next.cellValue(index), "Rep " + index);
        }
        assertEquals(100 + 200 + 300 + 400 + 500 + 600, counter.stub().get());
        assertFalse(old.exporters.isEmpty());
        assertTrue(old.exporters.stream().allMatch(runtime::isPlatformThread), "exports ran on platform threads");
    }

    @Test
    void aPerRepProtocolIsNotChosenBetweenDifferentLayouts() {
        ClusteredObject<Counter> counter = runtime.create("counter", Counter.class, new SharedCounter());
        counter.stub().increment();
        SwapRecord record = runtime.swap(counter, new PerRepCounter());
        assertEquals("counter-total", record.protocol());
        assertEquals(1, counter.stub().get());
    }
}
