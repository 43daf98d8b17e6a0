package io.swapline.examples.counter.client.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
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
    private final LongAdder calls = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
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
        for (int i = 0; i < config.threads(); i++) {
            Thread thread = new Thread(() -> callUntilStopped(pauseNanos), "counter-client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void callUntilStopped(long pauseNanos) {
        while (running) {
            try {
                counter.increment();
                calls.increment();
            } catch (RuntimeException e) { // counted and reported: that is what this client is for
                failures.increment();
                lastFailure.set(e.toString());
            }
            if (pauseNanos > 0) {
                LockSupport.parkNanos(pauseNanos);
            }
        }
    }

    @Override
    public LoadReport snapshot() {
        return new LoadReport(calls.sum(), failures.sum(), counter.get(), counter.implementation(), ACTIVATIONS.get(),
                lastFailure.get());
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
