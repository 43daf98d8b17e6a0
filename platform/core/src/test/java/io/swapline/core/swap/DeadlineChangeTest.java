package io.swapline.core.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.swapline.api.ClusteredObject;
import io.swapline.api.SwapPhase;
import io.swapline.api.SwapRecord;
import io.swapline.api.TransferProtocol;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.core.SwapDeadlines;
import io.swapline.core.fixtures.Counter;
import io.swapline.core.fixtures.DistributedCounter;
import io.swapline.core.fixtures.SharedCounter;

/**
 * Deadlines changed at run time ({@link ClusteredObjectRuntime#setSwapDeadlines}) apply to the
 * swaps that start afterwards, never to one in progress: a settings change must not roll back
 * (or stretch) a running swap.
 */
class DeadlineChangeTest {

    private static final SwapDeadlines LONG = new SwapDeadlines(Duration.ofSeconds(10), Duration.ofSeconds(2),
            Duration.ofSeconds(30));
    private static final SwapDeadlines SHORT = new SwapDeadlines(Duration.ofMillis(200), Duration.ofSeconds(2),
            Duration.ofMillis(200));

    private final ClusteredObjectRuntime runtime = new ClusteredObjectRuntime(2, LONG);

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void theDeadlinesReadBackAreTheOnesSet() {
        assertEquals(LONG, runtime.swapDeadlines());
        runtime.setSwapDeadlines(SHORT);
        assertEquals(SHORT, runtime.swapDeadlines());
    }

    /**
     * Swap A's import waits until swap B, started after the deadlines were shortened to 200 ms,
     * has rolled back at its new 200 ms Forward deadline (B's Forward phase waits for A's
     * transfer, a platform activity older than B); so A's transfer outlives the new 200 ms
     * Transfer deadline, and A still completes: it runs with the 30 s it started with.
     */
    @Test
    void aSwapInProgressKeepsItsDeadlinesAndTheNextSwapGetsTheNewOnes() throws Exception {
        CountDownLatch importing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ClusteredObject<Counter> a = runtime.create("a", Counter.class, new SharedCounter());
        a.stub().increment();
        DistributedCounter slowImport = new DistributedCounter() {
            @Override
            public <S> void importState(TransferProtocol<S> protocol, S state) {
                importing.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.importState(protocol, state);
            }
        };
        CompletableFuture<SwapRecord> swapA = CompletableFuture.supplyAsync(() -> runtime.swap(a, slowImport));
        assertTrue(importing.await(20, TimeUnit.SECONDS), "swap A reached its transfer");

        runtime.setSwapDeadlines(SHORT);
        ClusteredObject<Counter> b = runtime.create("b", Counter.class, new SharedCounter());
        SwapRecord recordB = runtime.swap(b, new DistributedCounter());
        release.countDown();
        SwapRecord recordA = swapA.get(20, TimeUnit.SECONDS);

        assertEquals(SwapPhase.ROLLED_BACK, recordB.outcome(), recordB::toString);
        assertTrue(recordB.reason().contains("200 ms"), recordB.reason());
        assertEquals(SwapPhase.COMPLETE, recordA.outcome(), recordA::toString);
        assertEquals(2, a.stub().increment(), "A's state went across");
    }
}
