package io.swapline.examples.counter.client.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.swapline.examples.counter.Counter;
import io.swapline.examples.counter.client.CounterLoad;
import io.swapline.examples.counter.client.LoadReport;

/**
 * Calls the counter from a few threads of its own, from activation until deactivation. An
 * ordinary Declarative Services component: a static, mandatory {@code @Reference} to the
 * {@code Counter} service, which the platform never unregisters during a swap, so this component
 * is activated once and keeps its service object across live updates.
 *
 * <p>Each thread counts its own calls and failures, and any {@code Throwable} a call throws is a
 * failure — an {@code Error} such as {@code NoClassDefFoundError} from a disposed class loader is
 * exactly what a live update must not cause, so it must not pass unseen or kill the thread
 * silently; a thread that ends before {@link #stop()} is reported as dead.
 */
@Component(immediate = true, property = {"osgi.command.scope=counter", "osgi.command.function=report"})
public final class CounterLoadComponent implements CounterLoad {

    /** Activations since this class was loaded, i.e. since the bundle's current revision started. */
    private static final AtomicInteger ACTIVATIONS = new AtomicInteger();

    /** The component's settings (component property types; defaults unless configured). */
    public @interface Config {
        /** @return how many threads call the counter */
        int threads() default 3;

        /** @return the pause between two calls of one thread, in microseconds (0: none) */
        long pauseMicros() default 500;
    }

    private final Counter counter;
    private final AtomicLongArray calls;
    private final AtomicLongArray failures;
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private final AtomicInteger deadThreads = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    /**
     * Activates the component and starts its calling threads.
     *
     * @param counter the platform's counter (the object's stub)
     * @param config the settings
     */
    @Activate
    public CounterLoadComponent(@Reference(name = "counter", target = "(swapline.object=counter)") Counter counter, Config config) {
        this.counter = counter;
        ACTIVATIONS.incrementAndGet();
        long pauseNanos = TimeUnit.MICROSECONDS.toNanos(config.pauseMicros());
        calls = new AtomicLongArray(config.threads());
        failures = new AtomicLongArray(config.threads());
        for (int i = 0; i < config.threads(); i++) {
            int index = i;
            Thread thread = new Thread(() -> callUntilStopped(index, pauseNanos), "counter-client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void callUntilStopped(int index, long pauseNanos) {
        try {
            callWhileRunning(index, pauseNanos);
        } finally {
            if (running) { // something escaped the loop: the thread is gone while the client runs
                deadThreads.incrementAndGet();
            }
        }
    }

    private void callWhileRunning(int index, long pauseNanos) {
        while (running) {
            try {
                counter.increment();
                calls.incrementAndGet(index);
            } catch (Throwable t) { // any kind, counted and reported: that is what this client is for
                failures.incrementAndGet(index);
                String failure = Thread.currentThread().getName() + ": " + t;
                firstFailure.compareAndSet(null, failure);
                lastFailure.set(failure);
            }
            if (pauseNanos > 0) {
                LockSupport.parkNanos(pauseNanos);
            }
        }
    }

    @Override
    public LoadReport snapshot() {
        List<Long> threadCalls = new ArrayList<>();
        long allCalls = 0;
        long allFailures = 0;
        for (int i = 0; i < calls.length(); i++) {
            threadCalls.add(calls.get(i));
            allCalls += calls.get(i);
            allFailures += failures.get(i);
        }
        return new LoadReport(allCalls, allFailures, counter.get(), counter.implementation(), ACTIVATIONS.get(),
                lastFailure.get(), threadCalls, deadThreads.get(), firstFailure.get());
    }

    @Override
    public LoadReport stop() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return snapshot();
    }

    @Override
    public String report() {
        return snapshot().toString();
    }

    /** Stops the calling threads. */
    @Deactivate
    void deactivate() {
        stop();
    }
}
