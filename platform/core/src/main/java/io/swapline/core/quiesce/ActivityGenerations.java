package io.swapline.core.quiesce;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The K42 patent's thread generations, applied to the units of work the platform itself starts
 * (tasks of its executor, shell commands): it can tell, without a busy wait, when every
 * activity that existed at some instant has ended.
 *
 * <h2>Algorithm (seed ¶41–42)</h2>
 * Every activity is counted in one of two generations, the one current when it began. To learn
 * when all activities existing now have ended, make the non-current generation current once its
 * count is zero — a <em>generation swap</em> — twice. After the first swap no new activity joins
 * the formerly current generation; after the second, that generation has drained too. A swap
 * that has to wait for a count to reach zero is taken by the last activity leaving it (a
 * callback), never by polling.
 *
 * <h2>Locking and synchronisation</h2>
 * {@link #enter()} and {@link #exit(int)} are lock-free: one volatile read and one atomic
 * update each. Generation swaps run under this object's monitor. A waiter publishes the
 * generation it waits on in {@code waitingOn} and then re-reads the count; an exiting activity
 * decrements the count and then reads {@code waitingOn}. Both are sequentially consistent, so
 * at least one of them sees the other and the swap is never missed.
 */
public final class ActivityGenerations {

    private final AtomicInteger[] counts = {new AtomicInteger(), new AtomicInteger()};
    private volatile int current;
    private volatile int waitingOn = -1;
    private final List<Waiter> waiters = new ArrayList<>(); // guarded by this

    /**
     * Counts a new activity in the current generation.
     *
     * @return the generation to pass to {@link #exit(int)}
     */
    public int enter() {
        int generation = current;
        counts[generation].incrementAndGet();
        return generation;
    }

    /**
     * Ends an activity.
     *
     * @param generation what {@link #enter()} returned
     */
    public void exit(int generation) {
        if (counts[generation].decrementAndGet() == 0 && waitingOn == generation) {
            swapGenerations();
        }
    }

    /**
     * Completes once every activity that had entered before this call has exited: after two
     * generation swaps.
     *
     * @return a future completed by the activity that ends last, or at once if there is none
     */
    public CompletableFuture<Void> awaitPriorActivities() {
        Waiter waiter = new Waiter();
        synchronized (this) {
            waiters.add(waiter);
        }
        swapGenerations();
        return waiter.done;
    }

    /**
     * The number of activities running now.
     *
     * @return the count in both generations
     */
    public int running() {
        return counts[0].get() + counts[1].get();
    }

    private void swapGenerations() {
        List<Waiter> finished = new ArrayList<>();
        synchronized (this) {
            while (!waiters.isEmpty()) {
                int next = 1 - current;
                waitingOn = next;
                if (counts[next].get() != 0) {
                    break; // the last activity leaving `next` calls back
                }
                waitingOn = -1;
                current = next;
                for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
                    Waiter waiter = it.next();
                    if (--waiter.swapsLeft == 0) {
                        it.remove();
                        finished.add(waiter);
                    }
                }
            }
        }
        finished.forEach(waiter -> waiter.done.complete(null)); // outside the monitor
    }

    private static final class Waiter {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        int swapsLeft = 2; // guarded by the enclosing monitor
    }
}
