package io.swapline.chaos;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;

import org.osgi.framework.BundleContext;

/**
 * Every thread's whole stack with the monitors and synchronizers it holds and the lock it waits
 * for ({@link ThreadMXBean#dumpAllThreads(boolean, boolean)}; {@link ThreadInfo#toString()} would
 * cut each stack at 8 frames). Felix's global lock is not a Java monitor, so neither the dump nor
 * the JVM's deadlock detector shows who holds it: the dump adds the owner Felix records (read by
 * reflection, racily, for diagnosis only) and marks the threads that wait for it.
 */
final class ThreadDump {

    private ThreadDump() {
    }

    /**
     * @param context any bundle context of the framework (its system bundle is the {@code Felix} object), or null
     * @return the dump
     */
    static String all(BundleContext context) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        StringBuilder text = new StringBuilder("---- thread dump (locked monitors and synchronizers) ----\n");
        text.append("Felix global lock: ").append(felixGlobalLockOwner(context)).append('\n');
        long[] deadlocked = threads.findDeadlockedThreads();
        text.append("JVM-detected deadlock among Java locks: ")
                .append(deadlocked == null ? "none (it cannot see Felix's global lock)" : deadlocked.length + " threads")
                .append("\n\n");
        for (ThreadInfo info : threads.dumpAllThreads(threads.isObjectMonitorUsageSupported(),
                threads.isSynchronizerUsageSupported())) {
            append(text, info);
        }
        return text.append("---- end of thread dump ----").toString();
    }

    private static void append(StringBuilder text, ThreadInfo info) {
        text.append('"').append(info.getThreadName()).append("\" #").append(info.getThreadId())
                .append(info.isDaemon() ? " daemon" : "").append(' ').append(info.getThreadState());
        if (info.getLockName() != null) {
            text.append(" on ").append(info.getLockName());
        }
        if (info.getLockOwnerName() != null) {
            text.append(" owned by \"").append(info.getLockOwnerName()).append("\" #").append(info.getLockOwnerId());
        }
        StackTraceElement[] stack = info.getStackTrace();
        if (waitsForFelixLock(stack)) {
            text.append("  <-- waits for a Felix framework lock");
        }
        text.append('\n');
        MonitorInfo[] monitors = info.getLockedMonitors();
        for (int depth = 0; depth < stack.length; depth++) {
            text.append("\tat ").append(stack[depth]).append('\n');
            if (depth == 0 && info.getLockInfo() != null) {
                text.append("\t- ").append(info.getThreadState() == Thread.State.BLOCKED ? "blocked on " : "waiting on ")
                        .append(info.getLockInfo()).append('\n');
            }
            for (MonitorInfo monitor : monitors) {
                if (monitor.getLockedStackDepth() == depth) {
                    text.append("\t- locked ").append(monitor).append('\n');
                }
            }
        }
        LockInfo[] synchronizers = info.getLockedSynchronizers();
        if (synchronizers.length > 0) {
            text.append("\tLocked synchronizers:\n");
            for (LockInfo synchronizer : synchronizers) {
                text.append("\t- ").append(synchronizer).append('\n');
            }
        }
        text.append('\n');
    }

    static boolean waitsForFelixLock(StackTraceElement[] stack) {
        for (int depth = 0; depth < Math.min(stack.length, 12); depth++) {
            String method = stack[depth].getMethodName();
            if (stack[depth].getClassName().equals("org.apache.felix.framework.Felix")
                    && (method.equals("acquireGlobalLock") || method.equals("acquireBundleLock"))) {
                return true;
            }
        }
        return false;
    }

    /** Felix 7's {@code m_globalLockThread} and {@code m_globalLockCount}, read without its lock. */
    private static String felixGlobalLockOwner(BundleContext context) {
        if (context == null) {
            return "unknown (no context)";
        }
        try {
            Object felix = context.getBundle(0);
            Field owner = felix.getClass().getDeclaredField("m_globalLockThread");
            Field count = felix.getClass().getDeclaredField("m_globalLockCount");
            owner.setAccessible(true);
            count.setAccessible(true);
            Thread thread = (Thread) owner.get(felix);
            return thread == null ? "free" : "held by \"" + thread.getName() + "\" #" + thread.getId()
                    + " (count " + count.get(felix) + ")";
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "unknown (" + e + ")";
        }
    }
}
