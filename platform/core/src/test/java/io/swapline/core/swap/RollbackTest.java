package io.swapline.core.swap;

import static io.swapline.core.fixtures.Threads.awaitFrame;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.swapline.api.ClusteredObject;
import io.swapline.api.RootKind;
import io.swapline.api.SwapPhase;
import io.swapline.api.SwapRecord;
import io.swapline.api.TransferProtocol;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.core.SwapDeadlines;
import io.swapline.core.fixtures.Counter;
import io.swapline.core.fixtures.DistributedCounter;
import io.swapline.core.fixtures.Probe;
import io.swapline.core.fixtures.ProbeRoot;
import io.swapline.core.fixtures.SharedCounter;

/** Every way a swap can fail after interposition leaves the old object serving, its state intact, every call answered. */
class RollbackTest {

    /**
     * Short enough to keep the deadline tests quick, long enough that a loaded machine does not
     * hit the Forward deadline first (the tests check each rollback's reason).
     */
    private static final SwapDeadlines SHORT = new SwapDeadlines(Duration.ofSeconds(2), Duration.ofMillis(500),
            Duration.ofMillis(500));

    private final ClusteredObjectRuntime runtime = new ClusteredObjectRuntime(2, SHORT);

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void exportThatThrowsRollsBack() {
        SharedCounter old = new SharedCounter() {
            @Override
            public <S> S exportState(TransferProtocol<S> protocol) {
                throw new IllegalStateException("export broke");
            }
        };
        assertRollsBackKeepingState(old, new DistributedCounter(), "export broke");
    }

    @Test
    void importThatThrowsRollsBack() {
        DistributedCounter broken = new DistributedCounter() {
            @Override
            public <S> void importState(TransferProtocol<S> protocol, S state) {
                throw new IllegalArgumentException("import broke");
            }
        };
        assertRollsBackKeepingState(new SharedCounter(), broken, "import broke");
    }

    @Test
    void transferThatNeverReturnsRollsBackAtItsDeadline() {
        CountDownLatch never = new CountDownLatch(1);
        DistributedCounter stuck = new DistributedCounter() {
            @Override
            public <S> void importState(TransferProtocol<S> protocol, S state) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        assertRollsBackKeepingState(new SharedCounter(), stuck, "took longer than");
        never.countDown();
    }

    @Test
    void aSwapThatCannotRunItsTransferRollsBackInsteadOfLeavingTheMediatorInterposed() {
        ClusteredObject<Counter> counter = runtime.create("counter", Counter.class, new SharedCounter());
        counter.stub().increment();
        runtime.close(); // the platform executor the transfer runs on is gone

        SwapRecord record = runtime.swap(counter, new DistributedCounter());

        assertEquals(SwapPhase.ROLLED_BACK, record.outcome(), record::toString);
        assertTrue(record.reason().contains("the swap itself failed"), record.reason());
        assertEquals(2, counter.stub().increment(), "the old object serves, its state intact");
    }

    private void assertRollsBackKeepingState(SharedCounter old, DistributedCounter next, String why) {
        ClusteredObject<Counter> counter = runtime.create("counter", Counter.class, old);
        for (int i = 0; i < 5; i++) {
            counter.stub().increment();
        }
        SwapRecord record = runtime.swap(counter, next);
        assertEquals(SwapPhase.ROLLED_BACK, record.outcome(), record::toString);
        assertTrue(record.reason().contains(why), record.reason());
        assertEquals(5, counter.stub().get(), "state intact");
        assertEquals(6, counter.stub().increment(), "the old object serves");
        assertEquals(RootKind.SHARED, counter.kind());
        assertFalse(old.destroyed, "the old implementation is not destroyed by a rollback");
        assertTrue(next.destroyed, "the discarded implementation's destroy hook ran");
        assertEquals(0, counter.swapCount());
    }

    @Test
    void oldCallsThatNeverFinishRollBackAtTheForwardDeadline() throws Exception {
        ClusteredObject<Probe> probe = runtime.create("probe", Probe.class, new ProbeRoot("old"));
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> stuck = CompletableFuture.supplyAsync(() -> probe.stub().hold(entered, release),
                command -> daemon("stuck", command).start());
        assertTrue(entered.await(30, TimeUnit.SECONDS));

        SwapRecord record = runtime.swap(probe, new ProbeRoot("new"));

        assertEquals(SwapPhase.ROLLED_BACK, record.outcome(), record::toString);
        assertTrue(record.reason().contains("stuck"), "names the thread: " + record.reason());
        assertEquals("old", probe.stub().where());
        release.countDown();
        assertEquals("old", stuck.get(30, TimeUnit.SECONDS), "the old call is answered");
    }

    @Test
    void aWaitCycleOutsideTheObjectRollsBackAtTheBlockDeadlineAndEveryCallIsAnswered() throws Exception {
        ClusteredObject<Probe> probe = runtime.create("probe", Probe.class, new ProbeRoot("old"));
        Probe stub = probe.stub();

        // Keep Forward open with a call that started before the swap.
        CountDownLatch earlyEntered = new CountDownLatch(1);
        CountDownLatch earlyRelease = new CountDownLatch(1);
        daemon("early", () -> stub.hold(earlyEntered, earlyRelease)).start();
        assertTrue(earlyEntered.await(30, TimeUnit.SECONDS));
        CompletableFuture<SwapRecord> swap = new CompletableFuture<>();
        Thread swapper = daemon("swapper", () -> swap.complete(runtime.swap(probe, new ProbeRoot("new"))));
        swapper.start();
        awaitFrame(swapper, "Swap.forward");

        // The cycle: a forwarded call waits for the holder, the holder's call waits for the swap,
        // the swap waits for the forwarded call.
        CountDownLatch trackedEntered = new CountDownLatch(1);
        CountDownLatch holderDone = new CountDownLatch(1);
        CompletableFuture<String> tracked = new CompletableFuture<>();
        daemon("tracked", () -> tracked.complete(stub.hold(trackedEntered, holderDone))).start();
        assertTrue(trackedEntered.await(30, TimeUnit.SECONDS));
        earlyRelease.countDown();
        awaitFrame(swapper, "awaitQuiescence");
        CompletableFuture<String> holder = new CompletableFuture<>();
        daemon("holder", () -> {
            holder.complete(stub.where()); // blocked by the swap
            holderDone.countDown();
        }).start();

        SwapRecord record = swap.get(30, TimeUnit.SECONDS);
        assertEquals(SwapPhase.ROLLED_BACK, record.outcome(), record::toString);
        assertTrue(record.reason().contains("blocking"), record.reason());
        assertEquals("old", holder.get(30, TimeUnit.SECONDS), "the blocked call goes to the old object");
        assertEquals("old", tracked.get(30, TimeUnit.SECONDS), "the forwarded call is answered");
        assertEquals(1, record.callsBlocked());
        assertEquals("old", stub.where());
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }
}
