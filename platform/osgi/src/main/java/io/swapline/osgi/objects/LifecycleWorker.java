package io.swapline.osgi.objects;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.swapline.osgi.holders.RevisionHolders;

/**
 * The extender's own thread, {@code swapline-lifecycle}, for lifecycle work that could not be
 * done on the thread of the event that asked for it: reconciling an object whose step Felix
 * refused (it refuses a thread that holds a bundle lock the global lock for an install while a
 * refresh needs that bundle — see {@link io.swapline.osgi.holders.PreparedHolder}), and
 * uninstalling holders Felix would not uninstall at once. This thread holds no bundle lock, so
 * Felix makes it wait for a refresh instead of refusing it.
 *
 * <p>Reconciliations are coalesced per object name; holder releases are retried with a growing
 * delay, up to {@value #RELEASE_ATTEMPTS} times. Thread-safe.
 */
final class LifecycleWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleWorker.class);

    /** How soon a reconciliation runs: a refresh that caused the refusal usually ends by then. */
    private static final long RECONCILE_DELAY_MS = 50;
    private static final int RELEASE_ATTEMPTS = 20;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "swapline-lifecycle");
        thread.setDaemon(true);
        return thread;
    });
    private final Consumer<String> reconcile;
    private final RevisionHolders holders;
    private final Set<String> pending = new HashSet<>();

    /**
     * @param reconcile settles one object by name; runs on the worker's thread
     * @param holders uninstalls holders
     */
    LifecycleWorker(Consumer<String> reconcile, RevisionHolders holders) {
        this.reconcile = reconcile;
        this.holders = holders;
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

    /** Uninstalls the holders later, retrying while Felix refuses. */
    void releaseLater(List<Bundle> notReleased) {
        notReleased.forEach(holder -> release(holder, 1));
    }

    private void release(Bundle holder, int attempt) {
        schedule(() -> {
            if (!holders.release(holder)) {
                if (attempt < RELEASE_ATTEMPTS) {
                    release(holder, attempt + 1);
                } else {
                    LOG.warn("holder {} could not be uninstalled after {} attempts; it is left installed (a"
                            + " later start of the extender uninstalls it)", holder, attempt);
                }
            }
        }, RECONCILE_DELAY_MS * attempt);
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
