package io.swapline.core.swap;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.swapline.api.ClusteredObject;
import io.swapline.api.SharedRoot;
import io.swapline.api.SwapRecord;
import io.swapline.core.ClusteredObjectRuntime;

/**
 * Two objects that call each other, swapped at the same time while clients call both: the
 * per-thread forwarded mark, global across Mediators, must keep them from deadlocking (seed ¶44).
 */
class ConcurrentSwapsTest {

    /** Calls the other object until {@code depth} runs out; answers the depth. */
    public interface Pinger {
        int ping(int depth);
    }

    private static final int TRIALS = 1_000;
    private static final int DEPTH = 6;

    private final ClusteredObjectRuntime runtime = new ClusteredObjectRuntime();
    private final AtomicReference<Pinger> x = new AtomicReference<>();
    private final AtomicReference<Pinger> y = new AtomicReference<>();

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void twoObjectsThatCallEachOtherSwappedAtOnceBothComplete() throws Exception {
        ClusteredObject<Pinger> objectX = runtime.create("x", Pinger.class, pinger(y));
        ClusteredObject<Pinger> objectY = runtime.create("y", Pinger.class, pinger(x));
        x.set(objectX.stub());
        y.set(objectY.stub());
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        for (AtomicReference<Pinger> target : List.of(x, y)) {
            Thread client = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        int answer = target.get().ping(DEPTH);
                        if (answer != DEPTH) {
                            failures.add(new AssertionError("ping answered " + answer));
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            clients.add(client);
            client.start();
        }

        CyclicBarrier together = new CyclicBarrier(2);
        ConcurrentLinkedQueue<SwapRecord> notCompleted = new ConcurrentLinkedQueue<>();
        Thread swapY = new Thread(() -> {
            try {
                for (int i = 0; i < TRIALS; i++) {
                    together.await();
                    SwapRecord record = runtime.swap(objectY, pinger(x));
                    if (!record.completed()) {
                        notCompleted.add(record);
                    }
                }
            } catch (Exception e) {
                failures.add(e);
            }
        });
        swapY.start();
        for (int i = 0; i < TRIALS; i++) {
            together.await();
            SwapRecord record = runtime.swap(objectX, pinger(y));
            if (!record.completed()) {
                notCompleted.add(record);
            }
        }
        swapY.join();
        stop.set(true);
        for (Thread client : clients) {
            client.join();
        }

        assertTrue(failures.isEmpty(), () -> failures.size() + " failures, first: " + failures.peek());
        assertTrue(notCompleted.isEmpty(), () -> notCompleted.size() + " swaps did not complete, first: "
                + notCompleted.peek());
        assertEquals(TRIALS, objectX.swapCount());
        assertEquals(TRIALS, objectY.swapCount());
    }

    private static SharedRoot<Pinger> pinger(AtomicReference<Pinger> other) {
        return new SharedRoot<>() {
            @Override
            protected Pinger newRep(int repIndex) {
                return depth -> depth == 0 ? 0 : 1 + other.get().ping(depth - 1);
            }

            @Override
            public boolean isStateless() {
                return true;
            }
        };
    }
}
