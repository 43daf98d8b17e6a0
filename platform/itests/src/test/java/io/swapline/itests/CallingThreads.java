package io.swapline.itests;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.swapline.examples.counter.Counter;

/**
 * Threads that make a call in a loop, as fast as they can, counting per thread the calls that
 * returned normally (acknowledged) and recording per thread the first {@link Throwable} of any
 * kind a call threw — an {@code Error} such as a {@code NoClassDefFoundError} from a disposed
 * class loader too, which is what the revision holders exist to prevent. A thread whose loop ends
 * before {@link #stop()} (something escaped it) is recorded as well.
 * {@link #assertEveryThreadCalledWithoutFailure()} fails the test on any of these.
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

    private static final long JOIN_SECONDS = 30;

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLongArray acknowledged;
    private final AtomicLongArray failures;
    private final AtomicReferenceArray<Throwable> firstFailures;
    private final AtomicReferenceArray<String> endedEarly;
    private volatile boolean running = true;

    private CallingThreads(int count) {
        acknowledged = new AtomicLongArray(count);
        failures = new AtomicLongArray(count);
        firstFailures = new AtomicReferenceArray<>(count);
        endedEarly = new AtomicReferenceArray<>(count);
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
            thread.setDaemon(true); // a thread stuck in a call must not keep the test JVM alive
            calling.threads.add(thread);
            thread.start();
        }
        return calling;
    }

    private void callUntilStopped(Call call, int index) {
        try {
            for (long number = 1; running; number++) {
                try {
                    call.make(index, number);
                    acknowledged.incrementAndGet(index);
                } catch (Throwable t) { // any kind: recorded, and the test fails on it
                    failures.incrementAndGet(index);
                    firstFailures.compareAndSet(index, null, t);
                }
            }
        } finally {
            if (running) {
                endedEarly.set(index, "stopped calling after " + acknowledged.get(index) + " calls");
            }
        }
    }

    /**
     * Waits until every thread has made {@code more} acknowledged calls beyond what it has made now:
     * a thread that stopped or hangs fails the wait, naming it.
     */
    void awaitEachThreadCalls(long more) {
        long[] targets = new long[acknowledged.length()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = acknowledged.get(i) + more;
        }
        try {
            Installed.await("each of " + targets.length + " threads making " + more + " more calls", 20, () -> {
                for (int i = 0; i < targets.length; i++) {
                    if (acknowledged.get(i) < targets[i]) {
                        return false;
                    }
                }
                return true;
            });
        } catch (AssertionError e) {
            throw withFirstFailure(new AssertionError(e.getMessage() + "; " + perThread()));
        }
    }

    /** Stops the threads and waits for them, up to {@value #JOIN_SECONDS} s each. */
    void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(JOIN_SECONDS));
        }
    }

    /**
     * Fails unless every thread is done (after {@link #stop()}), never had a call throw, called to
     * the end and made at least one call. The failure names each thread's counts and has the
     * first {@code Throwable} of each thread that had one attached (suppressed).
     */
    void assertEveryThreadCalledWithoutFailure() {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < threads.size(); i++) {
            String name = threads.get(i).getName();
            if (failures.get(i) > 0) {
                problems.add(name + ": " + failures.get(i) + " calls threw, first " + firstFailures.get(i));
            }
            if (endedEarly.get(i) != null) {
                problems.add(name + ": " + endedEarly.get(i));
            }
            if (acknowledged.get(i) == 0) {
                problems.add(name + ": no acknowledged call");
            }
            if (threads.get(i).isAlive()) {
                problems.add(name + ": still running " + JOIN_SECONDS + " s after stop(), in "
                        + List.of(threads.get(i).getStackTrace()));
            }
        }
        if (!problems.isEmpty()) {
            throw withFirstFailure(new AssertionError("calling threads failed: " + problems + "; " + perThread()));
        }
    }

    /**
     * Attaches each thread's first failure, with its stack, as a suppressed exception: Pax Exam
     * reports the root cause of a failure alone, which would hide the message that names the thread.
     */
    private AssertionError withFirstFailure(AssertionError error) {
        for (int i = 0; i < firstFailures.length(); i++) {
            if (firstFailures.get(i) != null) {
                error.addSuppressed(firstFailures.get(i));
            }
        }
        return error;
    }

    /** @return each thread's acknowledged and failed calls, e.g. {@code counter-caller-0 81234/0} */
    String perThread() {
        List<String> counts = new ArrayList<>();
        for (int i = 0; i < threads.size(); i++) {
            counts.add(threads.get(i).getName() + " " + acknowledged.get(i) + "/" + failures.get(i));
        }
        return "acknowledged/failed calls per thread: " + counts;
    }

    /** @return the acknowledged calls of the thread with this index */
    long acknowledged(int thread) {
        return acknowledged.get(thread);
    }

    /** @return the acknowledged calls of all threads */
    long acknowledged() {
        long sum = 0;
        for (int i = 0; i < acknowledged.length(); i++) {
            sum += acknowledged.get(i);
        }
        return sum;
    }

    /** @return the calls of all threads that threw */
    long failures() {
        long sum = 0;
        for (int i = 0; i < failures.length(); i++) {
            sum += failures.get(i);
        }
        return sum;
    }
}
