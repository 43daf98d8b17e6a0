package io.swapline.core.quiesce;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

/** Two generation swaps tell when every activity older than the request has ended, by callback. */
class ActivityGenerationsTest {

    private final ActivityGenerations generations = new ActivityGenerations();

    @Test
    void withNoActivityTheWaitIsOverAtOnce() {
        assertTrue(generations.awaitPriorActivities().isDone());
    }

    @Test
    void waitsForEveryActivityThatStartedBeforeTheRequestAndIsCompletedByTheLastToLeave() {
        int first = generations.enter();
        int second = generations.enter();
        CompletableFuture<Void> done = generations.awaitPriorActivities();
        assertFalse(done.isDone());

        generations.exit(first);
        assertFalse(done.isDone(), "one older activity is still running");
        generations.exit(second);
        assertTrue(done.isDone(), "the last older activity leaving completes the wait itself");
    }

    @Test
    void activitiesStartedAfterTheRequestAreNotWaitedFor() {
        int old = generations.enter();
        CompletableFuture<Void> done = generations.awaitPriorActivities();
        int young = generations.enter();
        generations.exit(old);
        assertTrue(done.isDone(), "only the older activity mattered");
        generations.exit(young);
        assertEquals(0, generations.running());
    }

    @Test
    void severalWaitersEachWaitForTheirOwnPast() {
        int a = generations.enter();
        CompletableFuture<Void> first = generations.awaitPriorActivities();
        int b = generations.enter();
        CompletableFuture<Void> second = generations.awaitPriorActivities();
        generations.exit(a);
        assertTrue(first.isDone());
        assertFalse(second.isDone(), "b started before the second request");
        generations.exit(b);
        assertTrue(second.isDone());
    }

    @Test
    void underConcurrentActivitiesNoWaiterCompletesWhileAnOlderActivityRuns() throws Exception {
        int rounds = 2_000;
        Thread[] workers = new Thread[4];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Thread(() -> {
                for (int i = 0; i < rounds * 5; i++) {
                    int g = generations.enter();
                    if (ThreadLocalRandom.current().nextInt(8) == 0) {
                        Thread.yield();
                    }
                    generations.exit(g);
                }
            });
            workers[w].start();
        }
        for (int i = 0; i < rounds; i++) {
            int mine = generations.enter();
            CompletableFuture<Void> done = generations.awaitPriorActivities();
            assertFalse(done.isDone(), "round " + i + ": completed while an older activity was running");
            generations.exit(mine);
            done.get(); // completes: the other activities are short
        }
        for (Thread worker : workers) {
            worker.join();
        }
        assertEquals(0, generations.running());
    }
}
