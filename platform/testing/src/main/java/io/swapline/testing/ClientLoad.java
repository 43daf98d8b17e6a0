package io.swapline.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The client threads of one run: each calls its {@link SwapClient} in a loop until stopped,
 * counting its calls and recording every failed one.
 *
 * <p><b>Shared state.</b> Each client thread writes only its own cell of {@code callsMade} and
 * {@code callsFailed} (release-ordered by the atomic array); the tester's thread reads them to
 * wait for progress between swaps and to total the run. {@code stopped} is written once by the
 * tester's thread.
 *
 * @param <T> the interface
 */
final class ClientLoad<T> {

    private final T object;
    private final List<? extends SwapClient<T>> clients;
    private final Findings findings;
    private final AtomicLongArray callsMade;
    private final AtomicLongArray callsFailed;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopped;

    ClientLoad(T object, List<? extends SwapClient<T>> clients, Findings findings) {
        this.object = object;
        this.clients = clients;
        this.findings = findings;
        this.callsMade = new AtomicLongArray(clients.size());
        this.callsFailed = new AtomicLongArray(clients.size());
    }

    /**
     * Starts one thread per client.
     *
     * @param namePrefix the threads' name prefix
     */
    void start(String namePrefix) {
        for (int c = 0; c < clients.size(); c++) {
            int client = c;
            Thread thread = new Thread(() -> callUntilStopped(client), namePrefix + "-client-" + client);
            thread.setDaemon(true); // a client stuck in a call must not keep the JVM alive
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    private void callUntilStopped(int client) {
        SwapClient<T> work = clients.get(client);
        for (long iteration = 0; !stopped; iteration++) {
            try {
                work.call(object, iteration);
            } catch (Throwable e) { // the author's check or the object failed: record, go on
                callsFailed.incrementAndGet(client);
                findings.add("client " + client + ", call " + iteration + " failed", e);
            }
            callsMade.incrementAndGet(client);
        }
    }

    /**
     * Waits until every client has made at least {@code calls} more calls than now.
     *
     * @param calls the calls each client must make
     * @param livenessLimit how long a client may take before it counts as stuck
     * @return null, or which client made no progress
     */
    String awaitProgress(long calls, long livenessLimit, TimeUnit unit) {
        long[] targets = new long[clients.size()];
        for (int c = 0; c < targets.length; c++) {
            targets[c] = callsMade.get(c) + calls;
        }
        long deadline = System.nanoTime() + unit.toNanos(livenessLimit);
        for (int c = 0; c < targets.length; c++) {
            while (callsMade.get(c) < targets[c]) {
                if (System.nanoTime() - deadline > 0) {
                    return "client " + c + " made no call for " + livenessLimit + " " + unit.name().toLowerCase()
                            + " (stuck in a call?) " + stackOf(threads.get(c));
                }
                LockSupport.parkNanos(50_000);
            }
        }
        return null;
    }

    /**
     * Stops the clients and waits for their threads to end.
     *
     * @return null, or which client did not end
     */
    String stop(long livenessLimit, TimeUnit unit) throws InterruptedException {
        stopped = true;
        for (Thread thread : threads) {
            thread.join(unit.toMillis(livenessLimit));
            if (thread.isAlive()) {
                String stuck = thread.getName() + " did not return from its call within " + livenessLimit + " "
                        + unit.name().toLowerCase() + " of the stop " + stackOf(thread);
                thread.interrupt();
                return stuck;
            }
        }
        return null;
    }

    /** All calls made so far. */
    long calls() {
        return sum(callsMade);
    }

    /** All calls that failed so far. */
    long failedCalls() {
        return sum(callsFailed);
    }

    private static long sum(AtomicLongArray cells) {
        long sum = 0;
        for (int i = 0; i < cells.length(); i++) {
            sum += cells.get(i);
        }
        return sum;
    }

    private static String stackOf(Thread thread) {
        StringBuilder text = new StringBuilder("at");
        for (StackTraceElement frame : thread.getStackTrace()) {
            text.append("\n    ").append(frame);
        }
        return text.toString();
    }
}
