package io.swapline.benchmarks.autonomic;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Client threads that each call one operation as fast as they can, counting the calls (live, for
 * the phase measurement, and per thread, for the acknowledged total); started and stopped on
 * demand, the last started stopped first.
 *
 * <p>All threads are made up front, one after the other, so their ids are consecutive whenever
 * they start: the runtime picks a thread's slot from the low bits of its id, so threads made
 * together land on distinct slots — a thread pool's case. Made later, another thread created in
 * between (the policy's sampler, a JIT compiler thread) could put two clients on one slot, and a
 * distributed implementation would then contend like a shared one. ({@code StripedCounter} picks
 * its stripe from a hash of the id: {@link #ids()} shows them.)
 */
final class ClientThreads {

    private final List<Client> made = new ArrayList<>();
    private final LongAdder calls = new LongAdder();
    private final List<Client> running = new ArrayList<>();
    private int started;
    private long acknowledged;

    /**
     * Makes the client threads; none runs yet.
     *
     * @param count how many
     * @param operationOfThread makes the operation the n-th thread calls (one call per iteration)
     */
    ClientThreads(int count, IntFunction<Runnable> operationOfThread) {
        for (int n = 0; n < count; n++) {
            made.add(new Client(operationOfThread.apply(n)));
        }
    }

    /** Starts the next client thread that has not run yet. */
    void add() {
        Client client = made.get(started++);
        running.add(client);
        client.start();
    }

    /**
     * Stops the last added client thread and waits for it.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    void removeOne() throws InterruptedException {
        Client client = running.remove(running.size() - 1);
        client.running = false;
        client.join();
        acknowledged += client.done;
    }

    /**
     * Stops every client thread.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    void removeAll() throws InterruptedException {
        while (!running.isEmpty()) {
            removeOne();
        }
    }

    /**
     * The thread ids, to show which slots the clients use.
     *
     * @return the ids of the threads made, in order
     */
    @SuppressWarnings("deprecation") // Thread.threadId() needs JDK 19
    List<Long> ids() {
        return made.stream().map(Thread::getId).toList();
    }

    /**
     * The calls so far, of all threads, running or stopped: an estimate while they run.
     *
     * @return the live count
     */
    LongAdder calls() {
        return calls;
    }

    /**
     * The calls that returned, of the threads stopped so far.
     *
     * @return the exact count
     */
    long acknowledged() {
        return acknowledged;
    }

    private final class Client extends Thread {
        private final Runnable operation;
        volatile boolean running = true;
        long done; // read after join

        Client(Runnable operation) {
            this.operation = operation;
        }

        @Override
        public void run() {
            while (running) {
                operation.run();
                calls.increment();
                done++;
            }
        }
    }
}
