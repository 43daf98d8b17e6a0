package io.swapline.core.transfer;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.swapline.api.ClusteredObject;
import io.swapline.api.SharedRoot;
import io.swapline.api.SwapRecord;
import io.swapline.api.TransferProtocol;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.core.fixtures.Counter;
import io.swapline.core.fixtures.DistributedCounter;
import io.swapline.core.fixtures.PerRepCounter;
import io.swapline.core.fixtures.SharedCounter;
import io.swapline.core.fixtures.StatelessRoots;

/**
 * {@link StateTransfer#transferDetached}: the state of a root no object serves from any more moves
 * into an attached root not yet installed, through the protocol a direct swap between the two
 * would choose.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DetachedTransferTest {

    @Test
    void aRootSwappedOutOfItsObjectHandsItsStateOnThroughTheProtocolADirectSwapWouldChoose() {
        SharedCounter kept = new SharedCounter();
        try (ClusteredObjectRuntime runtime = new ClusteredObjectRuntime(4)) {
            ClusteredObject<Counter> counter = runtime.create("counter", Counter.class, kept);
            for (int i = 0; i < 5; i++) {
                counter.stub().increment();
            }
            SwapRecord away = runtime.swap(counter, new SharedCounter()); // kept is detached from here on
            assertTrue(away.completed(), away::toString);
        }
        // The runtime called kept's destroy() hook when the swap away completed; a root kept for a
        // later export must still be able to export after it (SharedCounter's hook only sets a flag).
        assertTrue(kept.destroyed);
        SharedCounter successor = new SharedCounter();
        successor.attach(4);

        ProtocolNegotiation.Result result = StateTransfer.transferDetached(kept, successor);

        assertEquals(ProtocolNegotiation.negotiate(kept, new SharedCounter()).protocolName(), result.protocolName());
        assertSame(Counter.BY_REFERENCE, result.export(), "bit 5 beats bit 1, as in a swap");
        assertEquals(5, successor.value());
        assertEquals(5, kept.value(), "the export left the kept root as it was");
    }

    @Test
    void aWholeObjectProtocolMovesBetweenRootsOfDifferentKinds() {
        PerRepCounter kept = new PerRepCounter();
        kept.attach(4);
        kept.handleMiss(0).increment();
        kept.handleMiss(3).increment();
        kept.handleMiss(3).increment();
        SharedCounter successor = new SharedCounter();
        successor.attach(4);

        ProtocolNegotiation.Result result = StateTransfer.transferDetached(kept, successor);

        assertSame(Counter.TOTAL, result.export(), "the per-Rep protocol is skipped between distributed and shared");
        assertEquals(3, successor.value());
    }

    @Test
    void aPerRepProtocolMovesEachRepWhereTheLayoutsMatch() {
        PerRepCounter kept = new PerRepCounter();
        kept.attach(8);
        for (int slot = 0; slot < 8; slot += 3) {
            for (int i = 0; i <= slot; i++) {
                kept.handleMiss(slot).increment();
            }
        }
        PerRepCounter successor = new PerRepCounter();
        successor.attach(8);

        ProtocolNegotiation.Result result = StateTransfer.transferDetached(kept, successor);

        assertSame(PerRepCounter.CELLS, result.export());
        for (int index : kept.repIndexes()) {
            assertEquals(kept.cellValue(index), successor.cellValue(index), "Rep " + index);
        }
        assertArrayEquals(kept.repIndexes(), successor.repIndexes());
        assertEquals(kept.total(), successor.total());
        assertEquals(Set.of(Thread.currentThread()), kept.exporters, "Rep by Rep on the calling thread");
    }

    @Test
    void aPerRepProtocolIsSkippedWhenTheRootsHaveDifferentSlotCounts() {
        PerRepCounter kept = new PerRepCounter();
        kept.attach(8);
        kept.handleMiss(7).increment(); // Rep 7 has no counterpart among 4 slots
        PerRepCounter successor = new PerRepCounter();
        successor.attach(4);

        ProtocolNegotiation.Result result = StateTransfer.transferDetached(kept, successor);

        assertSame(Counter.TOTAL, result.export());
        assertEquals(1, successor.total(), "nothing dropped");
    }

    @Test
    void noCommonProtocolIsRefusedAndNothingIsExportedOrImported() {
        AtomicLong exports = new AtomicLong();
        SharedCounter kept = new SharedCounter() {
            @Override
            public <S> S exportState(TransferProtocol<S> protocol) {
                exports.incrementAndGet();
                return super.exportState(protocol);
            }
        };
        kept.attach(4);
        kept.handleMiss(0).increment();
        DistributedCounter successor = new DistributedCounter() {
            @Override
            public Set<TransferProtocol<?>> importProtocols() {
                return Set.of();
            }
        };
        successor.attach(4);

        TransferRefusedException refused = assertThrows(TransferRefusedException.class,
                () -> StateTransfer.transferDetached(kept, successor));

        assertEquals(ProtocolNegotiation.negotiate(kept, successor).refusal(), refused.reason());
        assertTrue(refused.getMessage().startsWith("state transfer refused: "), refused::getMessage);
        assertTrue(refused.reason().contains("no common transfer protocol"), refused::reason);
        assertEquals(0, exports.get());
        assertEquals(0, successor.total());
    }

    @Test
    void aStatelessRootHandsOverNothingAndIsNotAskedTo() {
        SharedRoot<Counter> kept = StatelessRoots.shared(() -> {
            throw new AssertionError("no Rep is needed");
        });
        kept.attach(4);
        SharedCounter successor = new SharedCounter();
        successor.attach(4);

        ProtocolNegotiation.Result result = StateTransfer.transferDetached(kept, successor);

        assertNull(result.export());
        assertEquals("none", result.protocolName());
        assertEquals(0, successor.value());
    }

    @Test
    void theReceivingRootMustBeAttachedAndAnotherRoot() {
        SharedCounter kept = new SharedCounter();
        kept.attach(4);

        IllegalArgumentException unattached = assertThrows(IllegalArgumentException.class,
                () -> StateTransfer.transferDetached(kept, new SharedCounter()));
        assertTrue(unattached.getMessage().contains("is not attached"), unattached::getMessage);
        assertThrows(IllegalArgumentException.class, () -> StateTransfer.transferDetached(kept, kept));
    }

    @Test
    void aFailingImportPassesThroughAndTheKeptRootCanOfferItsStateAgain() {
        SharedCounter kept = new SharedCounter();
        kept.attach(4);
        kept.handleMiss(1).increment();
        SharedCounter failing = new SharedCounter() {
            @Override
            public <S> void importState(TransferProtocol<S> protocol, S state) {
                throw new IllegalStateException("import broken on purpose");
            }
        };
        failing.attach(4);

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> StateTransfer.transferDetached(kept, failing));
        assertEquals("import broken on purpose", failure.getMessage());

        SharedCounter next = new SharedCounter();
        next.attach(4);
        StateTransfer.transferDetached(kept, next);
        assertEquals(1, next.value());
    }
}
