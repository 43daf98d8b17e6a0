package io.swapline.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;

/**
 * Fails a test on the first thing that makes no progress. Each watched thing is a {@link Probe}
 * (an {@link Activity} for an operation, the clients' calls for client threads); a daemon thread
 * asks every probe twice a second whether something has been busy longer than the limit. The first
 * time one has, it prints what and a full {@link ThreadDump}, and from then on {@link #check()}
 * throws: the test fails at once instead of hanging the build on threads that can never finish (a
 * cycle through Felix's global lock, which the JVM's deadlock detector cannot see).
 *
 * <p><b>After a hang.</b> The test's outcome is decided, but Pax Exam still has to stop the
 * framework, and {@code Framework.stop()} waits for Felix's global lock for ever. So, once the dump
 * is printed, the watchdog interrupts every thread that waits for a Felix framework lock (Felix
 * gives up a lock wait when interrupted: "Cannot acquire global lock"), which usually lets the
 * cycle unwind and the framework stop; and if the JVM is still alive {@value #HALT_AFTER_SECONDS} s
 * later it ends it, saying why (failsafe then reports a crashed fork; the dump is in the log).
 */
final class Watchdog implements AutoCloseable {

    /** Something the watchdog asks about. */
    interface Probe {
        /**
         * @param nowNanos {@link System#nanoTime()} now
         * @param limitNanos how long something may be busy
         * @return what has been busy longer than the limit, or null
         */
        String stuck(long nowNanos, long limitNanos);
    }

    /** One thread's operations, one at a time: {@link #begin} before each, {@link #end} after. */
    static final class Activity implements Probe {
        private volatile String what;
        private volatile long sinceNanos;
        private volatile boolean busy;

        void begin(String description) {
            what = description;
            sinceNanos = System.nanoTime();
            busy = true;
        }

        void end() {
            busy = false;
        }

        /** @return the operation in progress, or "idle" */
        String current() {
            return busy ? what : "idle";
        }

        @Override
        public String stuck(long nowNanos, long limitNanos) {
            long since = sinceNanos;
            return busy && nowNanos - since > limitNanos ? what + " (for "
                    + TimeUnit.NANOSECONDS.toMillis(nowNanos - since) + " ms)" : null;
        }
    }

    /** Seconds from a detected hang to halting the JVM if it has not exited by itself. */
    static final int HALT_AFTER_SECONDS = 90;

    private final String test;
    private final BundleContext context;
    private final long limitNanos;
    private final List<Probe> probes = new CopyOnWriteArrayList<>();
    private final CountDownLatch fired = new CountDownLatch(1);
    private final Thread thread;
    private volatile String report;
    private volatile boolean closed;

    Watchdog(String test, BundleContext context, Duration limit) {
        this.test = test;
        this.context = context;
        this.limitNanos = limit.toNanos();
        this.thread = new Thread(this::watch, test + "-watchdog");
        thread.setDaemon(true);
    }

    Watchdog watching(Probe probe) {
        probes.add(probe);
        return this;
    }

    Watchdog start() {
        thread.start();
        return this;
    }

    /** @return the limit in seconds, for messages */
    long limitSeconds() {
        return TimeUnit.NANOSECONDS.toSeconds(limitNanos);
    }

    /** Throws the watchdog's report if it fired. */
    void check() {
        String text = report;
        if (text != null) {
            throw new AssertionError(text);
        }
    }

    /** @return whether it fired */
    boolean fired() {
        return report != null;
    }

    /**
     * Waits up to {@code timeout} for the latch or the watchdog's firing.
     *
     * @return whether the latch opened (false: the timeout passed)
     * @throws AssertionError the watchdog's report, if it fired
     */
    boolean await(CountDownLatch latch, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!latch.await(100, TimeUnit.MILLISECONDS)) {
            check();
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
        }
        check();
        return true;
    }

    /**
     * Declares a hang found by another means (an operation's own deadline): prints and records it
     * as the watchdog would.
     */
    void declareStuck(String what) {
        fire(what);
        check();
    }

    private void watch() {
        while (!closed && report == null) {
            long now = System.nanoTime();
            for (Probe probe : probes) {
                String stuck = probe.stuck(now, limitNanos);
                if (stuck != null) {
                    fire(stuck);
                    return;
                }
            }
            try {
                fired.await(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void fire(String stuck) {
        if (report != null) {
            return;
        }
        String text = test + ": STUCK: no progress for more than " + limitSeconds() + " s: " + stuck + "\n"
                + ThreadDump.all(context);
        System.out.println(text);
        System.out.flush();
        report = text;
        fired.countDown();
        unstick();
    }

    /**
     * Interrupts the test's own threads that wait for a Felix lock (never Felix's threads: its
     * shutdown thread, interrupted, gives up stopping the framework), again every 2 s for 30 s, and
     * ends the JVM later if it is still alive: {@code System.exit}, which lets failsafe's fork report
     * what it has, then {@code halt} if even that does not end it.
     */
    private void unstick() {
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(1_000); // the test thread reports the failure first
                for (int round = 0; round < 15; round++) {
                    for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
                        if (ThreadDump.waitsForFelixLock(thread.getValue())
                                && !thread.getKey().getName().startsWith("Felix")) {
                            System.out.println(test + ": after the hang: interrupting \"" + thread.getKey().getName()
                                    + "\", which waits for a Felix lock, so that the framework can stop");
                            thread.getKey().interrupt();
                        }
                    }
                    Thread.sleep(2_000);
                }
                Thread.sleep(TimeUnit.SECONDS.toMillis(HALT_AFTER_SECONDS - 30));
            } catch (InterruptedException e) {
                return;
            }
            System.out.println(test + ": the JVM did not exit " + HALT_AFTER_SECONDS + " s after the hang"
                    + " (the framework cannot stop): exiting; the thread dump is above");
            System.out.flush();
            Thread last = new Thread(() -> {
                try {
                    Thread.sleep(15_000);
                } catch (InterruptedException e) {
                    return;
                }
                Runtime.getRuntime().halt(97);
            }, test + "-halt");
            last.setDaemon(true);
            last.start();
            System.exit(97);
        }, test + "-exit-after-hang");
        halt.setDaemon(true);
        halt.start();
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
