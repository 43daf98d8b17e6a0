package io.swapline.core.swap;

import static io.swapline.core.fixtures.Threads.awaitFrame;
import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import io.swapline.api.ClusteredObject;
import io.swapline.api.SharedRoot;
import io.swapline.api.SwapRefusedException;
import io.swapline.api.SwapPhase;
import io.swapline.api.SwapRecord;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.core.fixtures.AsyncCalls;
import io.swapline.core.fixtures.Probe;
import io.swapline.core.fixtures.ProbeRoot;

/**
 * The phases, made deterministic with calls held inside implementations by latches: Forward
 * waits for calls that started before the swap, Block waits for forwarded calls, blocked calls
 * land on the new implementation, reentrant calls pass.
 */
class MediatorPhasesTest {

    private final ClusteredObjectRuntime runtime = new ClusteredObjectRuntime();
    private final AsyncCalls calls = new AsyncCalls();
    private final ClusteredObject<Probe> object = runtime.create("probe", Probe.class, new ProbeRoot("old"));
    private final Probe stub = object.stub();

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void forwardWaitsForCallsThatStartedBeforeTheSwapAndForwardsNewOnesToTheOldObject() throws Exception {
        HeldCall early = new HeldCall("early", false);
        SwapInProgress swap = new SwapInProgress();
        awaitFrame(swap.thread, "Swap.forward");

        assertEquals("old", stub.where(), "a call during Forward is forwarded to the old object");
        assertFalse(swap.record.isDone(), "Forward must wait for the call that started before the swap");

        assertEquals("old", early.release());
        SwapRecord record = swap.completed();
        assertTrue(record.callsForwarded() >= 1, record::toString);
        assertEquals("new", stub.where());
    }

    @Test
    void blockWaitsForForwardedCallsAndReleasedCallsLandOnTheNewObject() throws Exception {
        HeldCall early = new HeldCall("early", false);
        SwapInProgress swap = new SwapInProgress();
        awaitFrame(swap.thread, "Swap.forward");
        HeldCall tracked = new HeldCall("tracked", false);

        assertEquals("old", early.release()); // Forward can end; Block must now wait for the tracked call
        awaitFrame(swap.thread, "awaitQuiescence");
        CompletableFuture<String> blocked = calls.start("blocked", stub::where);
        awaitFrame(calls.threadOf(blocked), "awaitEnd");
        assertFalse(blocked.isDone(), "a new call during Block waits");
        assertFalse(swap.record.isDone(), "Block waits for the forwarded call");

        assertEquals("old", tracked.release(), "the forwarded call finishes on the old object");
        SwapRecord record = swap.completed();
        assertEquals("new", blocked.get(30, TimeUnit.SECONDS), "the blocked call is released to the new object");
        assertTrue(record.callsBlocked() >= 1, record::toString);
        assertTrue(record.callsForwarded() >= 1, record::toString);
        assertTrue(record.longestBlock().toNanos() > 0, () -> "the blocked call's wait is in the record: " + record);
    }

    @Test
    void aForwardedCallThatCallsItsOwnObjectDuringBlockIsLetThrough() throws Exception {
        HeldCall early = new HeldCall("early", false);
        SwapInProgress swap = new SwapInProgress();
        awaitFrame(swap.thread, "Swap.forward");
        HeldCall reentrant = new HeldCall("reentrant", true);
        early.release();
        awaitFrame(swap.thread, "awaitQuiescence");

        // Now in Block: the inner call comes from a forwarded call and must not block.
        assertEquals("old/old", reentrant.release());
        swap.completed();
        assertEquals("new", stub.where());
    }

    @Test
    void aSwapRequestedFromInsideACallOnTheObjectIsRefusedNotDeadlocked() {
        AtomicReference<ClusteredObject<Runnable>> self = new AtomicReference<>();
        AtomicReference<SwapRefusedException> refused = new AtomicReference<>();
        SharedRoot<Runnable> swapsItself = new SharedRoot<>() {
            @Override
            protected Runnable newRep(int repIndex) {
                return () -> refused.set(assertThrows(SwapRefusedException.class,
                        () -> runtime.swap(self.get(), SharedRoot.of(() -> () -> { }))));
            }

            @Override
            public boolean isStateless() {
                return true;
            }
        };
        self.set(runtime.create("self", Runnable.class, swapsItself));

        self.get().stub().run();

        assertTrue(refused.get().getMessage().contains("inside a call"), refused.get().getMessage());
        assertEquals(SwapPhase.REFUSED, self.get().history().get(0).outcome());
        assertEquals(swapsItself.implementationName(), self.get().implementationName(), "nothing changed");
    }

    /** A call held inside the implementation until released. */
    private final class HeldCall {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CompletableFuture<String> result;

        HeldCall(String name, boolean reenter) throws InterruptedException {
            result = calls.start(name, () -> reenter ? stub.holdThenReenter(entered, release, stub) : stub.hold(entered, release));
            assertTrue(entered.await(30, TimeUnit.SECONDS), name + " never entered the implementation");
        }

        String release() throws Exception {
            release.countDown();
            return result.get(30, TimeUnit.SECONDS);
        }
    }

    /** A swap from "old" to "new" running in a thread of its own. */
    private final class SwapInProgress {
        final CompletableFuture<SwapRecord> record = calls.start("swapper", () -> runtime.swap(object, new ProbeRoot("new")));
        final Thread thread = calls.threadOf(record);

        SwapRecord completed() throws Exception {
            SwapRecord done = record.get(30, TimeUnit.SECONDS);
            assertEquals(SwapPhase.COMPLETE, done.outcome(), done::toString);
            return done;
        }
    }
}
