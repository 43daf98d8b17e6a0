package io.swapline.itests;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.rules.TestRule;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;

/**
 * Bounds a test method: runs it on a thread of its own and, if it has not ended within the limit,
 * fails it with a dump of every thread that names the locks each holds and waits for (monitors and
 * {@code java.util.concurrent} locks, from {@link ThreadMXBean#dumpAllThreads(boolean, boolean)},
 * with the JVM's deadlock finding first), printed to standard error too, then interrupts it. JUnit's
 * own {@code Timeout} rule reports the stuck thread's stack only, without locks. Felix's global lock
 * is not a Java lock: a hang through it shows as threads parked in {@code Felix.acquireGlobalLock}.
 */
final class Watchdog implements TestRule {

    private final long seconds;

    private Watchdog(long seconds) {
        this.seconds = seconds;
    }

    /** A watchdog that fails a test method running longer than {@code seconds}. */
    static Watchdog seconds(long seconds) {
        return new Watchdog(seconds);
    }

    @Override
    public Statement apply(Statement base, Description description) {
        return new Statement() {
            @Override
            public void evaluate() throws Throwable {
                FutureTask<Void> test = new FutureTask<>(() -> {
                    try {
                        base.evaluate();
                    } catch (Exception | Error e) {
                        throw e;
                    } catch (Throwable t) {
                        throw new AssertionError(t);
                    }
                    return null;
                });
                Thread thread = new Thread(test, "test " + description.getMethodName());
                thread.setDaemon(true); // a hung test must not keep the forked JVM alive: failsafe's timeout is the backstop
                thread.start();
                try {
                    test.get(seconds, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    throw e.getCause();
                } catch (TimeoutException e) {
                    String dump = threadDump();
                    System.err.println(description + " did not end within " + seconds + " s; threads:\n" + dump);
                    thread.interrupt();
                    throw new AssertionError(description + " did not end within " + seconds + " s (bounded by "
                            + Watchdog.class.getSimpleName() + "); threads, with the locks they hold and wait for:\n"
                            + dump);
                }
            }
        };
    }

    /**
     * Every live thread with its whole stack, the monitors and synchronizers it holds, and what it
     * waits for and who owns that; threads the JVM finds deadlocked first.
     */
    static String threadDump() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        StringBuilder dump = new StringBuilder();
        long[] deadlocked = threads.findDeadlockedThreads();
        if (deadlocked != null) {
            dump.append("DEADLOCKED (Java locks):");
            for (long id : deadlocked) {
                dump.append(' ').append(id);
            }
            dump.append('\n');
        }
        for (ThreadInfo info : threads.dumpAllThreads(true, true)) {
            append(dump, info);
        }
        return dump.toString();
    }

    private static void append(StringBuilder dump, ThreadInfo info) {
        dump.append('"').append(info.getThreadName()).append("\" id=").append(info.getThreadId())
                .append(' ').append(info.getThreadState());
        if (info.getLockName() != null) {
            dump.append(" waiting for ").append(info.getLockName());
        }
        if (info.getLockOwnerName() != null) {
            dump.append(" owned by \"").append(info.getLockOwnerName()).append("\" id=").append(info.getLockOwnerId());
        }
        dump.append('\n');
        StackTraceElement[] stack = info.getStackTrace();
        MonitorInfo[] monitors = info.getLockedMonitors();
        for (int depth = 0; depth < stack.length; depth++) {
            dump.append("\tat ").append(stack[depth]).append('\n');
            for (MonitorInfo monitor : monitors) {
                if (monitor.getLockedStackDepth() == depth) {
                    dump.append("\t- locked ").append(monitor).append('\n');
                }
            }
        }
        LockInfo[] synchronizers = info.getLockedSynchronizers();
        if (synchronizers.length > 0) {
            dump.append("\tlocked synchronizers:");
            for (LockInfo synchronizer : synchronizers) {
                dump.append(' ').append(synchronizer);
            }
            dump.append('\n');
        }
        dump.append('\n');
    }
}
