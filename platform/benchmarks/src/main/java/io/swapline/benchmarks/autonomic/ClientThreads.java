package io.swapline.benchmarks.autonomic;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Client threads that each call one operation as fast as they can, counting the calls (live, for
 * the phase measurement, and per thread, for the acknowledged total); added and stopped on
 * demand, the last added stopped first.
 */
final class ClientThreads {

    private final IntFunction<Runnable> operationOfThread;
    private final LongAdder calls = new LongAdder();
    private final List<Client> running = new ArrayList<>();
    private long acknowledged;

    /**
     * Clients with no thread yet.
     *
     * @param operationOfThread makes the operation the n-th thread calls (one call per iteration)
     */
    ClientThreads(IntFunction<Runnable> operationOfThread) {
        this.operationOfThread = operationOfThread;
    }

    /** Starts one more client thread. */
    void add() {
        Client client = new Client(operationOfThread.apply(running.size()));
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
