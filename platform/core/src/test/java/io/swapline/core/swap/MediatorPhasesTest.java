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
import io.swapline.core.fixtures.Probe;
import io.swapline.core.fixtures.ProbeRoot;

/**
 * The phases, made deterministic with calls held inside implementations by latches: Forward
 * waits for calls that started before the swap, Block waits for forwarded calls, blocked calls
 * land on the new implementation, reentrant calls pass.
 */
class MediatorPhasesTest {

    private final ClusteredObjectRuntime runtime = new ClusteredObjectRuntime();
    private final ClusteredObject<Probe> object = runtime.create("probe", Probe.class, new ProbeRoot("old"));
    private final Probe stub = object.stub();

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void forwardWaitsForCallsThatStartedBeforeTheSwapAndForwardsNewOnesToTheOldObject() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> early = async("early", () -> stub.hold(entered, release));
        assertTrue(entered.await(30, TimeUnit.SECONDS));

        CompletableFuture<SwapRecord> swap = new CompletableFuture<>();
        Thread swapper = start("swapper", () -> swap.complete(runtime.swap(object, new ProbeRoot("new"))));
        awaitFrame(swapper, "Swap.forward");

        assertEquals("old", stub.where(), "a call during Forward is forwarded to the old object");
        assertFalse(swap.isDone(), "Forward must wait for the call that started before the swap");

        release.countDown();
        assertEquals("old", early.get(30, TimeUnit.SECONDS));
        SwapRecord record = swap.get(30, TimeUnit.SECONDS);
        assertEquals(SwapPhase.COMPLETE, record.outcome(), record::toString);
        assertTrue(record.callsForwarded() >= 1, record::toString);
        assertEquals("new", stub.where());
    }

    @Test
    void blockWaitsForForwardedCallsAndReleasedCallsLandOnTheNewObject() throws Exception {
        CountDownLatch earlyEntered = new CountDownLatch(1);
        CountDownLatch earlyRelease = new CountDownLatch(1);
        CompletableFuture<String> early = async("early", () -> stub.hold(earlyEntered, earlyRelease));
        assertTrue(earlyEntered.await(30, TimeUnit.SECONDS));

        CompletableFuture<SwapRecord> swap = new CompletableFuture<>();
        Thread swapper = start("swapper", () -> swap.complete(runtime.swap(object, new ProbeRoot("new"))));
        awaitFrame(swapper, "Swap.forward");

        CountDownLatch trackedEntered = new CountDownLatch(1);
        CountDownLatch trackedRelease = new CountDownLatch(1);
        CompletableFuture<String> tracked = async("tracked", () -> stub.hold(trackedEntered, trackedRelease));
        assertTrue(trackedEntered.await(30, TimeUnit.SECONDS));

        earlyRelease.countDown(); // Forward can end; Block must now wait for the tracked call
        assertEquals("old", early.get(30, TimeUnit.SECONDS));
        awaitFrame(swapper, "awaitQuiescence");

        CompletableFuture<String> blocked = new CompletableFuture<>();
        Thread blockedThread = start("blocked", () -> blocked.complete(stub.where()));
        awaitFrame(blockedThread, "awaitEnd");
        assertFalse(blocked.isDone(), "a new call during Block waits");
        assertFalse(swap.isDone(), "Block waits for the forwarded call");

        trackedRelease.countDown();
        assertEquals("old", tracked.get(30, TimeUnit.SECONDS), "the forwarded call finishes on the old object");
        SwapRecord record = swap.get(30, TimeUnit.SECONDS);
        assertEquals(SwapPhase.COMPLETE, record.outcome(), record::toString);
        assertEquals("new", blocked.get(30, TimeUnit.SECONDS), "the blocked call is released to the new object");
        assertTrue(record.callsBlocked() >= 1, record::toString);
        assertTrue(record.callsForwarded() >= 1, record::toString);
    }

    @Test
    void aForwardedCallThatCallsItsOwnObjectDuringBlockIsLetThrough() throws Exception {
        CountDownLatch earlyEntered = new CountDownLatch(1);
        CountDownLatch earlyRelease = new CountDownLatch(1);
        CompletableFuture<String> early = async("early", () -> stub.hold(earlyEntered, earlyRelease));
        assertTrue(earlyEntered.await(30, TimeUnit.SECONDS));

        CompletableFuture<SwapRecord> swap = new CompletableFuture<>();
        Thread swapper = start("swapper", () -> swap.complete(runtime.swap(object, new ProbeRoot("new"))));
        awaitFrame(swapper, "Swap.forward");

        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> reentrant = async("reentrant", () -> stub.holdThenReenter(entered, release, stub));
        assertTrue(entered.await(30, TimeUnit.SECONDS));
        earlyRelease.countDown();
        early.get(30, TimeUnit.SECONDS);
        awaitFrame(swapper, "awaitQuiescence");

        release.countDown(); // now in Block: the inner call comes from a forwarded call and must not block
        assertEquals("old/old", reentrant.get(30, TimeUnit.SECONDS));
        assertEquals(SwapPhase.COMPLETE, swap.get(30, TimeUnit.SECONDS).outcome());
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

    private static <T> CompletableFuture<T> async(String name, java.util.function.Supplier<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        start(name, () -> {
            try {
                result.complete(call.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
