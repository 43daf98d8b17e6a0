package io.swapline.examples.counter.client.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.swapline.examples.counter.Counter;

/**
 * The Gogo command {@code counter:load <threads> <seconds>}: increments the counter flat out from
 * that many threads for that long, then reports the increments, the failed calls and which
 * implementations served the load, in order — with the counter's autonomic policy enabled, e.g.
 * {@code served by shared counter 1.0, then distributed counter 1.0}. Runs on the shell's thread,
 * which watches {@link Counter#implementation()} while the load threads call.
 *
 * <p>{@link Descriptor} comes from the Gogo runtime, imported optionally (see {@code bnd.bnd}).
 */
@Component(service = Object.class, property = {"osgi.command.scope=counter", "osgi.command.function=load"})
public final class LoadCommand {

    private static final int MAX_THREADS = 64;
    private static final int MAX_SECONDS = 3_600;

    private final Counter counter;

    /**
     * @param counter the platform's counter (the object's stub)
     */
    @Activate
    public LoadCommand(@Reference(name = "counter", target = "(swapline.object=counter)") Counter counter) {
        this.counter = counter;
    }

    /**
     * Loads the counter and reports.
     *
     * @param threads how many threads increment at once, 1 to 64
     * @param seconds for how long, 1 to 3600
     * @return one line: increments, rate, failures, the implementations that served
     * @throws IllegalArgumentException if a number is out of range
     * @throws InterruptedException if the shell's thread is interrupted (the load threads stop)
     */
    @Descriptor("increment the counter flat out from some threads for some seconds, then report what served it")
    public String load(@Descriptor("how many threads increment at once, 1 to 64") int threads,
            @Descriptor("for how many seconds, 1 to 3600") int seconds) throws InterruptedException {
        if (threads < 1 || threads > MAX_THREADS || seconds < 1 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("counter:load takes 1 to " + MAX_THREADS + " threads and 1 to "
                    + MAX_SECONDS + " seconds, not " + threads + " and " + seconds);
        }
        LongAdder increments = new LongAdder();
        LongAdder failures = new LongAdder();
        Load load = new Load(counter, increments, failures);
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(load::run, "counter-load-" + i);
            thread.setDaemon(true);
            started.add(thread);
            thread.start();
        }
        List<String> served = new ArrayList<>();
        long began = System.nanoTime();
        long end = began + TimeUnit.SECONDS.toNanos(seconds);
        try {
            while (System.nanoTime() - end < 0) {
                String implementation = counter.implementation();
                if (served.isEmpty() || !served.get(served.size() - 1).equals(implementation)) {
                    served.add(implementation);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
        } finally {
            load.running = false;
            for (Thread thread : started) {
                thread.join();
            }
        }
        double elapsed = (System.nanoTime() - began) / 1e9;
        return String.format(Locale.ROOT, "%d threads for %d s: %d increments (%.1f M/s), %d failed; served by %s",
                threads, seconds, increments.sum(), increments.sum() / elapsed / 1e6, failures.sum(),
                String.join(", then ", served));
    }

    /** The load threads' loop; each thread adds its counts once, when it stops; any {@code Throwable} of a call is a failure. */
    private static final class Load {
        private final Counter counter;
        private final LongAdder increments;
        private final LongAdder failures;
        volatile boolean running = true;

        Load(Counter counter, LongAdder increments, LongAdder failures) {
            this.counter = counter;
            this.increments = increments;
            this.failures = failures;
        }

        void run() {
            long mine = 0;
            long failed = 0;
            try {
                while (running) {
                    try {
                        counter.increment();
                        mine++;
                    } catch (Throwable t) { // any kind, an Error too: counted and reported, the load goes on
                        failed++;
                    }
                }
            } finally { // whatever ends the loop, the thread's counts are reported
                increments.add(mine);
                failures.add(failed);
            }
        }
    }
}
