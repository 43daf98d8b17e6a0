package io.swapline.core.quiesce;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Tasks of the platform's executor are activities, and its threads are known to the stack check. */
class PlatformActivitiesTest {

    @Test
    void aRunningTaskHoldsBackTheGenerationsAndItsThreadIsOwned() throws Exception {
        try (PlatformActivities activities = new PlatformActivities("test")) {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Thread> runner = new CompletableFuture<>();
            activities.execute(() -> {
                runner.complete(Thread.currentThread());
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertTrue(started.await(30, TimeUnit.SECONDS));
            assertTrue(activities.owns(runner.get()));
            assertFalse(activities.owns(Thread.currentThread()));

            CompletableFuture<Void> prior = activities.generations().awaitPriorActivities();
            assertFalse(prior.isDone());
            release.countDown();
            prior.get(30, TimeUnit.SECONDS);
            assertEquals(0, activities.generations().running());
        }
    }
}
