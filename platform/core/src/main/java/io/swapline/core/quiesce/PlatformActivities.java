package io.swapline.core.quiesce;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work the platform starts itself, tracked by {@linkplain ActivityGenerations generations}
 * instead of stack checks: an executor whose every task is an activity, running on threads
 * the platform owns.
 *
 * <p>A thread of this executor has a stub frame on its stack only inside a task, and every task
 * is counted in a generation, so the swap's stack check skips these threads and waits for the
 * generations instead.
 */
public final class PlatformActivities implements AutoCloseable {

    private final ActivityGenerations generations = new ActivityGenerations();
    private final Set<Thread> threads = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private final ExecutorService executor;

    /**
     * An executor with daemon threads named after {@code name}.
     *
     * @param name a prefix for thread names
     */
    public PlatformActivities(String name) {
        AtomicInteger sequence = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, name + "-" + sequence.incrementAndGet());
            thread.setDaemon(true);
            threads.add(thread);
            return thread;
        };
        this.executor = Executors.newCachedThreadPool(factory);
    }

    /**
     * Runs {@code task} as an activity on a platform thread.
     *
     * @param task the work
     */
    public void execute(Runnable task) {
        executor.execute(() -> {
            int generation = generations.enter();
            try {
                task.run();
            } finally {
                generations.exit(generation);
            }
        });
    }

    /**
     * The generations activities are counted in.
     *
     * @return the generations
     */
    public ActivityGenerations generations() {
        return generations;
    }

    /**
     * Whether a thread belongs to this executor (and so is covered by the generations).
     *
     * @param thread a thread
     * @return true for a platform thread
     */
    public boolean owns(Thread thread) {
        return threads.contains(thread);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
