package io.swapline.osgi.objects;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extender's own thread, {@code swapline-lifecycle}, for lifecycle steps that could not be
 * done on the thread of the event that asked for them: it reconciles an object whose step Felix
 * refused (Felix refuses a thread that holds a bundle lock the global lock for an install while a
 * refresh needs that bundle — see {@link io.swapline.osgi.holders.PreparedHolder}). This thread
 * holds no bundle lock, so Felix makes it wait for a refresh instead of refusing it.
 *
 * <p>Reconciliations are coalesced per object name. Thread-safe.
 */
final class LifecycleWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleWorker.class);

    /** How soon a reconciliation runs: a refresh that caused the refusal usually ends by then. */
    private static final long RECONCILE_DELAY_MS = 50;
    private static final long POLL_MS = 100;
    private static final long POLL_LIMIT_MS = 120_000;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "swapline-lifecycle");
        thread.setDaemon(true);
        return thread;
    });
    private final Consumer<String> reconcile;
    private final Set<String> pending = new HashSet<>();

    /** @param reconcile settles one object by name; runs on the worker's thread */
    LifecycleWorker(Consumer<String> reconcile) {
        this.reconcile = reconcile;
    }

    /** Reconciles the object soon, once even if asked several times meanwhile. */
    void reconcileLater(String objectName) {
        synchronized (pending) {
            if (!pending.add(objectName)) {
                return;
            }
        }
        schedule(() -> {
            synchronized (pending) {
                pending.remove(objectName);
            }
            reconcile.accept(objectName);
        }, RECONCILE_DELAY_MS);
    }

    /**
     * Reconciles the object once {@code ended} is true (polled every {@value #POLL_MS} ms, for at
     * most {@value #POLL_LIMIT_MS} ms): for an update whose new revision may never start.
     */
    void reconcileAfter(String objectName, BooleanSupplier ended) {
        poll(objectName, ended, System.nanoTime());
    }

    private void poll(String objectName, BooleanSupplier ended, long since) {
        schedule(() -> {
            if (ended.getAsBoolean() || System.nanoTime() - since > TimeUnit.MILLISECONDS.toNanos(POLL_LIMIT_MS)) {
                reconcile.accept(objectName);
            } else {
                poll(objectName, ended, since);
            }
        }, POLL_MS);
    }

    private void schedule(Runnable task, long delayMs) {
        try {
            executor.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) { // one failed reconciliation must not stop the thread
                    LOG.warn("lifecycle task failed", e);
                }
            }, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) { // the extender stops
            LOG.debug("lifecycle task dropped: the extender stops");
        }
    }

    /** Stops the thread; a task running now finishes first (bounded by its swap's deadlines). */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("the swapline-lifecycle thread did not end within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
