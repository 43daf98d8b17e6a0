package io.swapline.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import io.swapline.api.SwapTimeoutException;
import io.swapline.examples.counter.Counter;

/**
 * Client threads that each hold the one {@link Counter} service object they were given at the
 * start (never fetched again) and call it flat out: {@code increment()}, and every 64th call a
 * {@code get()} checked against what is known at that moment.
 *
 * <p><b>Accounting.</b> Per thread: {@code attempted} (written before each increment is called),
 * {@code acknowledged} (after it returned normally), calls that timed out and other failures. A
 * {@code get()} must return at least the acknowledged increments of all threads read before it
 * started and at most the attempted ones read after it returned — an increment is counted once if
 * it returned, and no call counts that was never made — so a lost or duplicated state shows during
 * the run, not only at the end. An increment that threw {@link SwapTimeoutException} is not
 * acknowledged and may or may not have applied, so the final count is bounded, not exact, when
 * there are some.
 *
 * <p>Each failure is kept with the operation in progress when the call started and when it ended
 * ({@code operations}), to classify it; whether a timeout was allowed is decided by the test from
 * {@link ImplementationWindows}.
 *
 * <p><b>Watchdog.</b> Each thread publishes when its current call started (0 while between calls):
 * a call busy longer than the watchdog's limit is stuck.
 */
final class HeldCounterClients implements Watchdog.Probe {

    /**
     * Loaded before the first call: the test bundle imports dynamically, and a class first loaded on
     * a failure path would wait for Felix's global lock, which a hung refresh holds for ever.
     */
    private static final List<Class<?>> PRELOADED = List.of(SwapTimeoutException.class, CallFailure.class,
            AssertionError.class);

    /** At most this many failures are kept with their details; all are counted. */
    private static final int KEPT_FAILURES = 2_000;

    /**
     * One failed call, or a {@code get()} out of bounds ({@code error} is then an AssertionError).
     *
     * @param thread the client thread's index
     * @param method increment or get
     * @param error what it threw
     * @param startNanos when the call started
     * @param endNanos when it ended
     * @param operationAtStart the operation in progress when the call started
     * @param operationAtEnd the operation in progress when it ended
     */
    record CallFailure(int thread, String method, Throwable error, long startNanos, long endNanos,
            String operationAtStart, String operationAtEnd) {
        long millis() {
            return TimeUnit.NANOSECONDS.toMillis(endNanos - startNanos);
        }
    }

    private final Counter counter;
    private final Supplier<String> operations;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLongArray attempted;
    private final AtomicLongArray acknowledged;
    private final AtomicLongArray timedOutIncrements;
    private final AtomicLongArray timedOutCalls;
    private final AtomicLongArray failures;
    private final AtomicLongArray gets;
    private final AtomicLongArray callSince;
    private final ConcurrentLinkedQueue<CallFailure> kept = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;
    private volatile int paceEvery;
    private volatile long paceNanos;

    private HeldCounterClients(Counter counter, int count, Supplier<String> operations) {
        this.counter = counter;
        this.operations = operations;
        attempted = new AtomicLongArray(count);
        acknowledged = new AtomicLongArray(count);
        timedOutIncrements = new AtomicLongArray(count);
        timedOutCalls = new AtomicLongArray(count);
        failures = new AtomicLongArray(count);
        gets = new AtomicLongArray(count);
        callSince = new AtomicLongArray(count);
    }

    /**
     * Starts {@code count} threads calling {@code counter}.
     *
     * @param operations what operation is in progress, for the failure records
     */
    static HeldCounterClients start(String name, Counter counter, int count, Supplier<String> operations) {
        if (PRELOADED.isEmpty()) {
            throw new IllegalStateException();
        }
        HeldCounterClients clients = new HeldCounterClients(counter, count, operations);
        for (int i = 0; i < count; i++) {
            int index = i;
            Thread thread = new Thread(() -> clients.call(index), name + "-client-" + i);
            thread.setDaemon(true); // a client stuck in a hung framework must not keep the JVM alive
            clients.threads.add(thread);
            thread.start();
        }
        return clients;
    }

    /**
     * Makes every thread pause {@code micros} after each {@code calls} calls (0: flat out, the default).
     *
     * @return this
     */
    HeldCounterClients pacedEvery(int calls, long micros) {
        paceNanos = TimeUnit.MICROSECONDS.toNanos(micros);
        paceEvery = calls;
        return this;
    }

    private void call(int index) {
        for (long n = 1; running; n++) {
            int every = paceEvery;
            if (every > 0 && n % every == 0) {
                LockSupport.parkNanos(paceNanos);
            }
            boolean read = (n & 63) == 0;
            long start = System.nanoTime();
            callSince.lazySet(index, start);
            String operationAtStart = operations.get();
            try {
                if (read) {
                    long lower = sum(acknowledged);
                    long value = counter.get();
                    long upper = sum(attempted);
                    gets.lazySet(index, gets.get(index) + 1);
                    if (value < lower || value > upper) {
                        record(index, "get", new AssertionError("get() returned " + value + ", outside [" + lower
                                + ", " + upper + "] (acknowledged before it, attempted after it)"), start,
                                operationAtStart);
                    }
                } else {
                    attempted.lazySet(index, attempted.get(index) + 1);
                    counter.increment();
                    acknowledged.lazySet(index, acknowledged.get(index) + 1);
                }
            } catch (Throwable e) { // every failure is counted and kept: the test fails on any not allowed
                if (e instanceof SwapTimeoutException) {
                    timedOutCalls.lazySet(index, timedOutCalls.get(index) + 1);
                    if (!read) {
                        timedOutIncrements.lazySet(index, timedOutIncrements.get(index) + 1);
                    }
                }
                record(index, read ? "get" : "increment", e, start, operationAtStart);
            } finally {
                callSince.lazySet(index, 0);
            }
        }
    }

    private void record(int index, String method, Throwable error, long start, String operationAtStart) {
        long count = failures.incrementAndGet(index);
        if (count <= KEPT_FAILURES / threads.size() + 1) {
            kept.add(new CallFailure(index, method, error, start, System.nanoTime(), operationAtStart,
                    operations.get()));
        }
    }

    private static long sum(AtomicLongArray values) {
        long sum = 0;
        for (int i = 0; i < values.length(); i++) {
            sum += values.get(i);
        }
        return sum;
    }

    /** @return the acknowledged increments of all threads so far */
    long acknowledged() {
        return sum(acknowledged);
    }

    /** @return the attempted increments of all threads so far */
    long attempted() {
        return sum(attempted);
    }

    /** @return increments that threw SwapTimeoutException: not acknowledged, maybe applied */
    long timedOutIncrements() {
        return sum(timedOutIncrements);
    }

    /** @return calls (increments and gets) that threw SwapTimeoutException */
    long timedOutCalls() {
        return sum(timedOutCalls);
    }

    /** @return failed calls (and out-of-bound reads) of all threads */
    long failures() {
        return sum(failures);
    }

    /** @return the kept failures */
    List<CallFailure> failureDetails() {
        return List.copyOf(kept);
    }

    /** @return whether every thread is past {@code targets} acknowledged increments */
    boolean reached(long[] targets) {
        for (int i = 0; i < targets.length; i++) {
            if (acknowledged.get(i) < targets[i]) {
                return false;
            }
        }
        return true;
    }

    /** @return each thread's acknowledged increments now plus {@code more} */
    long[] targets(long more) {
        long[] targets = new long[acknowledged.length()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = acknowledged.get(i) + more;
        }
        return targets;
    }

    /** Stops the threads and waits up to {@code seconds} for each; returns the ones still running. */
    List<String> stop(long seconds) throws InterruptedException {
        running = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<String> alive = new ArrayList<>();
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (thread.isAlive()) {
                alive.add(thread.getName());
            }
        }
        return alive;
    }

    /** @return one line per thread: calls, acknowledged, gets, timeouts, failures */
    String perThread() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < threads.size(); i++) {
            text.append("  ").append(threads.get(i).getName()).append(": attempted=").append(attempted.get(i))
                    .append(" acknowledged=").append(acknowledged.get(i)).append(" gets=").append(gets.get(i))
                    .append(" timedOutIncrements=").append(timedOutIncrements.get(i))
                    .append(" failures=").append(failures.get(i)).append('\n');
        }
        return text.toString();
    }

    /** @return the failed calls of one thread counted by kind, from the kept details */
    static Map<String, Integer> byKind(List<CallFailure> failures) {
        Map<String, Integer> kinds = new TreeMap<>();
        for (CallFailure failure : failures) {
            kinds.merge(failure.method() + ": " + Classified.shape(failure.error()), 1, Integer::sum);
        }
        return kinds;
    }

    @Override
    public String stuck(long nowNanos, long limitNanos) {
        for (int i = 0; i < callSince.length(); i++) {
            long since = callSince.get(i);
            if (since != 0 && nowNanos - since > limitNanos) {
                return threads.get(i).getName() + ": one call on the held Counter (for "
                        + TimeUnit.NANOSECONDS.toMillis(nowNanos - since) + " ms)";
            }
        }
        return null;
    }
}
