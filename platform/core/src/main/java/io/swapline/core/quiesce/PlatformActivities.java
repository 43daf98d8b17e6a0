package io.swapline.core.quiesce;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
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
    /** The generation of the activity the calling platform thread runs, if any (not on the call path). */
    private final ThreadLocal<int[]> runningIn = new ThreadLocal<>();

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
            int[] generation = {generations.enter()};
            runningIn.set(generation);
            try {
                task.run();
            } finally {
                runningIn.remove();
                generations.exit(generation[0]);
            }
        });
    }

    /**
     * Completes once every activity that began before this call has ended, except the caller's
     * own: an activity that waits for the platform's work to drain (a swap requested by a shell
     * command, say) would otherwise wait for itself. The caller's activity steps out of its
     * generation for the request and back in, into the current one, at once.
     *
     * @return a future completed by the activity that ends last
     */
    public CompletableFuture<Void> awaitOtherPriorActivities() {
        int[] own = runningIn.get();
        if (own == null) {
            return generations.awaitPriorActivities();
        }
        generations.exit(own[0]);
        try {
            return generations.awaitPriorActivities();
        } finally {
            own[0] = generations.enter();
        }
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
