package ${package}.itests;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Threads that make one call in a loop, as fast as they can, counting per thread the calls that
 * returned normally (acknowledged) and, in all, the calls that threw.
 */
final class CallingThreads {

    private static final long PROGRESS_DEADLINE_SECONDS = 30;

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLongArray acknowledged;
    private final LongAdder failures = new LongAdder();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private volatile boolean running = true;

    private CallingThreads(int count) {
        acknowledged = new AtomicLongArray(count);
    }

    /** Starts {@code count} threads that each make {@code call} until they are stopped. */
    static CallingThreads start(Runnable call, int count) {
        CallingThreads calling = new CallingThreads(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            Thread thread = new Thread(() -> calling.callUntilStopped(call, index), "caller-" + i);
            calling.threads.add(thread);
            thread.start();
        }
        return calling;
    }

    private void callUntilStopped(Runnable call, int index) {
        while (running) {
            try {
                call.run();
                acknowledged.incrementAndGet(index);
            } catch (Throwable e) { // any kind, an Error such as NoClassDefFoundError too: the test asserts there is none
                failures.increment();
                firstFailure.compareAndSet(null, e);
            }
        }
    }

    /**
     * Waits until every thread has made {@code more} acknowledged calls beyond those it has made
     * now: progress, not time (the deadline only stops a hung test).
     */
    void awaitEachThreadCalls(long more) {
        long[] targets = new long[acknowledged.length()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = acknowledged.get(i) + more;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROGRESS_DEADLINE_SECONDS);
        for (int i = 0; i < targets.length; i++) {
            while (acknowledged.get(i) < targets[i]) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("thread " + i + " made no " + more + " calls in "
                            + PROGRESS_DEADLINE_SECONDS + " s (first failure: " + firstFailure.get() + ")");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
    }

    /** Stops the threads and waits for them to end. */
    void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join();
        }
    }

    long acknowledged() {
        long sum = 0;
        for (int i = 0; i < acknowledged.length(); i++) {
            sum += acknowledged.get(i);
        }
        return sum;
    }

    long failures() {
        return failures.sum();
    }

    Throwable firstFailure() {
        return firstFailure.get();
    }
}
