package io.swapline.benchmarks.update;

import java.io.ByteArrayInputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.util.tracker.ServiceTracker;

/**
 * One phase: 4 client threads calling {@code Counter.increment()} while a bundle is updated 20
 * times 100 ms apart (or, for the control, the same schedule without updates).
 *
 * <p>The harness runs outside the framework, so it calls the service through method handles of
 * the {@code Counter} interface loaded from the counter-api bundle, the same way for every client.
 */
final class Phase {

    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final long[] longestCall = new long[UpdateBenchmark.THREADS * 16]; // one padded slot per thread
    private volatile boolean running = true;

    // the no-service windows, under this lock
    private int registered;
    private long windowStart;
    private long longestWindow;
    private long totalWindow;

    private Phase() {
    }

    static PhaseResult run(BundleContext context, String name, String objectFilter, boolean lookUpEachCall,
            Bundle updated, byte[] jarA, byte[] jarB, long warmUpMs) throws Throwable {
        Class<?> counterType = UpdateBenchmark.bundle(context, "io.swapline.examples.counter.api")
                .loadClass(UpdateBenchmark.COUNTER);
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        MethodHandle increment = lookup.findVirtual(counterType, "increment", MethodType.methodType(void.class))
                .asType(MethodType.methodType(void.class, Object.class));
        MethodHandle get = lookup.findVirtual(counterType, "get", MethodType.methodType(long.class))
                .asType(MethodType.methodType(long.class, Object.class));
        MethodHandle implementation = lookup.findVirtual(counterType, "implementation",
                MethodType.methodType(String.class)).asType(MethodType.methodType(String.class, Object.class));
        String filterText = "(&(" + Constants.OBJECTCLASS + "=" + UpdateBenchmark.COUNTER + ")" + objectFilter + ")";
        Filter filter = context.createFilter(filterText);
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, filter, null);
        tracker.open();
        Phase phase = new Phase();
        ServiceListener listener = phase::serviceChanged;
        synchronized (phase) {
            context.addServiceListener(listener, filterText);
            Object[] present = context.getServiceReferences(UpdateBenchmark.COUNTER, objectFilter);
            phase.registered = present == null ? 0 : present.length;
        }
        Object held = tracker.waitForService(10_000);
        long before = (long) get.invokeExact(held);

        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < UpdateBenchmark.THREADS; i++) {
            int slot = i * 16;
            Thread thread = new Thread(() -> phase.call(tracker, held, lookUpEachCall, increment, slot),
                    "client-" + i);
            threads.add(thread);
            thread.start();
        }
        long longestUpdate = 0;
        if (warmUpMs > 0) {
            Thread.sleep(warmUpMs);
        } else {
            long start = System.nanoTime();
            for (int i = 1; i <= UpdateBenchmark.UPDATES; i++) {
                sleepUntil(start + TimeUnit.MILLISECONDS.toNanos(i * UpdateBenchmark.UPDATE_INTERVAL_MS));
                if (updated != null) {
                    long began = System.nanoTime();
                    updated.update(new ByteArrayInputStream(i % 2 == 1 ? jarA : jarB));
                    longestUpdate = Math.max(longestUpdate, System.nanoTime() - began);
                }
            }
            Thread.sleep(UpdateBenchmark.SETTLE_MS);
        }
        phase.running = false;
        for (Thread thread : threads) {
            thread.join();
        }
        Object current = tracker.waitForService(10_000);
        long after = (long) get.invokeExact(current);
        String serving = (String) implementation.invokeExact(current);
        context.removeServiceListener(listener);
        tracker.close();

        long longest = 0;
        for (long value : phase.longestCall) {
            longest = Math.max(longest, value);
        }
        long acknowledged = phase.acknowledged.sum();
        synchronized (phase) {
            return new PhaseResult(name, acknowledged + phase.failed.sum(), acknowledged, phase.failed.sum(),
                    before + acknowledged, before + acknowledged - after, millis(longest), millis(phase.longestWindow),
                    millis(phase.totalWindow), millis(longestUpdate), serving);
        }
    }

    private void call(ServiceTracker<Object, Object> tracker, Object held, boolean lookUpEachCall,
            MethodHandle increment, int slot) {
        long longest = 0;
        long acks = 0;
        long failures = 0;
        while (running) {
            long began = System.nanoTime();
            Object service = lookUpEachCall ? tracker.getService() : held;
            if (service == null) {
                failures++; // no service to call: a failed call
            } else {
                try {
                    increment.invokeExact(service);
                    acks++;
                } catch (Throwable e) { // counted
                    failures++;
                }
            }
            long took = System.nanoTime() - began;
            if (took > longest) {
                longest = took;
            }
        }
        longestCall[slot] = longest;
        acknowledged.add(acks);
        failed.add(failures);
    }

    private synchronized void serviceChanged(ServiceEvent event) {
        switch (event.getType()) {
            case ServiceEvent.REGISTERED -> {
                if (registered++ == 0 && windowStart != 0) {
                    long window = System.nanoTime() - windowStart;
                    longestWindow = Math.max(longestWindow, window);
                    totalWindow += window;
                    windowStart = 0;
                }
            }
            case ServiceEvent.UNREGISTERING, ServiceEvent.MODIFIED_ENDMATCH -> {
                if (--registered == 0) {
                    windowStart = System.nanoTime();
                }
            }
            default -> {
                // MODIFIED: still registered and matching (Swapline's swap count, implementation)
            }
        }
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
