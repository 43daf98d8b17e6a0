package io.swapline.itests;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import io.swapline.examples.counter.Counter;

/**
 * Threads that make a call in a loop, as fast as they can, counting the calls that returned
 * normally (acknowledged) and the calls that threw.
 */
final class CallingThreads {

    /** One call of one thread. */
    @FunctionalInterface
    interface Call {
        /**
         * Makes the call.
         *
         * @param thread the thread's index
         * @param number the call's number on that thread, from 1
         */
        void make(int thread, long number);
    }

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLongArray acknowledged;
    private final LongAdder failures = new LongAdder();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private volatile boolean running = true;

    private CallingThreads(int count) {
        acknowledged = new AtomicLongArray(count);
    }

    /** Threads calling {@link Counter#increment()}. */
    static CallingThreads start(Counter counter, int count) {
        return start("counter-caller", count, (thread, number) -> counter.increment());
    }

    static CallingThreads start(String name, int count, Call call) {
        CallingThreads calling = new CallingThreads(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            Thread thread = new Thread(() -> calling.callUntilStopped(call, index), name + "-" + i);
            calling.threads.add(thread);
            thread.start();
        }
        return calling;
    }

    private void callUntilStopped(Call call, int index) {
        for (long number = 1; running; number++) {
            try {
                call.make(index, number);
                acknowledged.incrementAndGet(index);
            } catch (RuntimeException | Error e) { // counted: the test asserts there is none
                failures.increment();
                firstFailure.compareAndSet(null, e);
            }
        }
    }

    /** Waits until every thread has made {@code more} acknowledged calls beyond what it has made now. */
    void awaitEachThreadCalls(long more) {
        long[] targets = new long[acknowledged.length()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = acknowledged.get(i) + more;
        }
        Installed.await("each of " + targets.length + " threads making " + more + " more calls", 20, () -> {
            for (int i = 0; i < targets.length; i++) {
                if (acknowledged.get(i) < targets[i]) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Stops the threads and waits for them. */
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
