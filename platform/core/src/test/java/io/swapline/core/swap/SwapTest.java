package io.swapline.core.swap;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.swapline.api.ClusteredObject;
import io.swapline.api.RootKind;
import io.swapline.api.SharedRoot;
import io.swapline.api.SwapPhase;
import io.swapline.api.SwapRecord;
import io.swapline.api.SwapRefusedException;
import io.swapline.api.TransferProtocol;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.core.fixtures.Counter;
import io.swapline.core.fixtures.DistributedCounter;
import io.swapline.core.fixtures.Probe;
import io.swapline.core.fixtures.ProbeRoot;
import io.swapline.core.fixtures.SharedCounter;

/** Swaps between implementations: state moves by the negotiated protocol, records tell what happened, bad input changes nothing. */
class SwapTest {

    private final ClusteredObjectRuntime runtime = new ClusteredObjectRuntime();

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void stateSurvivesSharedToDistributedAndBackAndTheStubKeepsWorking() {
        SharedCounter first = new SharedCounter();
        ClusteredObject<Counter> counter = runtime.create("counter", Counter.class, first);
        Counter stub = counter.stub();
        for (int i = 0; i < 10; i++) {
            stub.increment();
        }

        SwapRecord toDistributed = runtime.swap(counter, new DistributedCounter());
        assertTrue(toDistributed.completed(), toDistributed::toString);
        assertEquals("counter-total", toDistributed.protocol(), "the only protocol the distributed side imports");
        assertEquals(RootKind.DISTRIBUTED, counter.kind());
        assertTrue(first.destroyed, "the old implementation's destroy hook ran");
        assertEquals(10, stub.get());
        stub.increment();

        SwapRecord toShared = runtime.swap(counter, new SharedCounter());
        assertTrue(toShared.completed(), toShared::toString);
        assertEquals(RootKind.SHARED, counter.kind());
        assertEquals(11, stub.get());
        assertEquals(2, counter.swapCount());
        assertEquals(2, counter.history().size());
        assertSame(stub, counter.stub(), "one stub for the object's whole life");
    }

    @Test
    void theMostSignificantCommonProtocolBitWins() {
        SharedCounter first = new SharedCounter();
        ClusteredObject<Counter> counter = runtime.create("counter", Counter.class, first);
        counter.stub().increment();
        SharedCounter second = new SharedCounter();

        SwapRecord record = runtime.swap(counter, second);

        assertEquals("counter-by-reference", record.protocol(), "bit 5 beats bit 1");
        assertSame(first.exportState(Counter.BY_REFERENCE), second.exportState(Counter.BY_REFERENCE),
                "by reference: the same structure, not a copy");
        assertEquals(1, counter.stub().get());
    }

    @Test
    void theRecordHasEveryPhaseOfACompletedSwap() {
        ClusteredObject<Counter> counter = runtime.create("counter", Counter.class, new SharedCounter());
        SwapRecord record = runtime.swap(counter, new DistributedCounter());
        assertEquals("counter", record.objectName());
        assertEquals(SharedCounter.class.getName(), record.from());
        assertEquals(DistributedCounter.class.getName(), record.to());
        assertNull(record.reason());
        assertEquals(Set.of(SwapPhase.PREPARE, SwapPhase.FORWARD, SwapPhase.BLOCK, SwapPhase.TRANSFER,
                SwapPhase.COMPLETE), record.phaseTimes().keySet());
        assertEquals(record.total(), record.phaseTimes().values().stream().reduce(java.time.Duration.ZERO,
                java.time.Duration::plus));
    }

    @Test
    void noCommonProtocolIsRefusedBeforeAnythingChangesNamingBothSides() {
        ClusteredObject<Counter> counter = runtime.create("counter", Counter.class, new SharedCounter());
        counter.stub().increment();
        SharedRoot<Counter> amnesiac = SharedRoot.of(() -> null);

        SwapRefusedException refused = assertThrows(SwapRefusedException.class, () -> runtime.swap(counter, amnesiac));

        assertTrue(refused.getMessage().contains(SharedCounter.class.getName()), refused.getMessage());
        assertTrue(refused.getMessage().contains(amnesiac.implementationName()), refused.getMessage());
        assertTrue(refused.getMessage().contains("no common transfer protocol"), refused.getMessage());
        assertEquals(0, amnesiac.slotCount(), "the refused root was never attached");
        assertEquals(SharedCounter.class.getName(), counter.implementationName());
        assertEquals(1, counter.stub().get());
        assertEquals(SwapPhase.REFUSED, counter.history().get(0).outcome());
        assertEquals(0, counter.swapCount());
    }

    @Test
    void protocolsWithTheSameBitButDifferentStateTypesDoNotAgree() {
        TransferProtocol<String> impostor = TransferProtocol.define("counter-total", 1, String.class);
        SharedRoot<Counter> other = new SharedRoot<>() {
            @Override
            protected Counter newRep(int repIndex) {
                return new FixedCounter();
            }

            @Override
            public Set<TransferProtocol<?>> importProtocols() {
                return Set.of(impostor);
            }
        };
        ClusteredObject<Counter> counter = runtime.create("counter", Counter.class, new DistributedCounter());

        SwapRefusedException refused = assertThrows(SwapRefusedException.class, () -> runtime.swap(counter, other));
        assertTrue(refused.getMessage().contains("bit 1"), refused.getMessage());
    }

    @Test
    void aSwapRequestedByAPlatformActivityDoesNotWaitForItself() throws Exception {
        ClusteredObject<Counter> counter = runtime.create("counter", Counter.class, new SharedCounter());
        counter.stub().increment();
        java.util.concurrent.CompletableFuture<SwapRecord> swapped = new java.util.concurrent.CompletableFuture<>();
        runtime.activityExecutor().execute(() -> swapped.complete(runtime.swap(counter, new DistributedCounter())));

        SwapRecord record = swapped.get(30, java.util.concurrent.TimeUnit.SECONDS);

        assertTrue(record.completed(), record::toString);
        assertEquals(1, counter.stub().get());
    }

    @Test
    void aStatelessObjectSwapsWithoutAProtocol() {
        ClusteredObject<Probe> probe = runtime.create("probe", Probe.class, new ProbeRoot("a"));
        SwapRecord record = runtime.swap(probe, new ProbeRoot("b"));
        assertTrue(record.completed());
        assertEquals("none", record.protocol());
        assertEquals("b", probe.stub().where());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void swappingToAnImplementationOfAnotherInterfaceIsRefusedAndChangesNothing() {
        ClusteredObject<Probe> probe = runtime.create("probe", Probe.class, new ProbeRoot("a"));
        AtomicInteger destroyed = new AtomicInteger();
        SharedRoot<Runnable> statelessWrong = new SharedRoot<>() {
            @Override
            protected Runnable newRep(int repIndex) {
                return () -> { };
            }

            @Override
            public boolean isStateless() {
                return true;
            }

            @Override
            public void destroy() {
                destroyed.incrementAndGet();
            }
        };

        SwapRefusedException refused = assertThrows(SwapRefusedException.class,
                () -> runtime.swap((ClusteredObject) probe, statelessWrong));

        assertTrue(refused.getMessage().contains("does not implement " + Probe.class.getName()), refused.getMessage());
        assertEquals("a", probe.stub().where());
        assertEquals("probe-a", probe.implementationName());
        assertEquals(1, destroyed.get(), "the refused root made a Rep, so it is let go");
    }

    @Test
    void badInputGetsAClearErrorAndChangesNothing() {
        ClusteredObject<Counter> counter = runtime.create("counter", Counter.class, new SharedCounter());
        counter.stub().increment();
        assertThrows(NullPointerException.class, () -> runtime.swap(counter, null));
        assertThrows(NullPointerException.class, () -> runtime.swap(null, new SharedCounter()));

        SharedCounter attached = new SharedCounter();
        runtime.create("other", Counter.class, attached);
        IllegalStateException taken = assertThrows(IllegalStateException.class, () -> runtime.swap(counter, attached));
        assertTrue(taken.getMessage().contains("already belongs"), taken.getMessage());

        try (ClusteredObjectRuntime elsewhere = new ClusteredObjectRuntime()) {
            ClusteredObject<Counter> foreign = elsewhere.create("counter", Counter.class, new SharedCounter());
            assertThrows(IllegalArgumentException.class, () -> runtime.swap(foreign, new SharedCounter()));
        }

        runtime.destroy(counter);
        IllegalStateException destroyed = assertThrows(IllegalStateException.class,
                () -> runtime.swap(counter, new SharedCounter()));
        assertTrue(destroyed.getMessage().contains("'counter'"), destroyed.getMessage());
        assertTrue(counter.history().isEmpty());
    }

    private static final class FixedCounter implements Counter {
        @Override
        public long increment() {
            return 0;
        }

        @Override
        public long get() {
            return 0;
        }
    }
}
