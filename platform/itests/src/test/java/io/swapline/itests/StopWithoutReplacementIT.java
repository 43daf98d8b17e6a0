package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.util.tracker.ServiceTracker;

import io.swapline.api.SwapTimeoutException;
import io.swapline.examples.counter.Counter;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * Stopping the bundle that serves {@code counter}, with no other implementation: the service
 * stays; a call waits for a replacement up to {@code swapline.replacement.timeout.ms}, then
 * fails with a {@link SwapTimeoutException} naming the object; a call waiting when the bundle
 * starts again runs on the new implementation, which has the kept state (exact count).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StopWithoutReplacementIT extends Bounded {

    private static final long TIMEOUT_MS = 1_000;
    private static final int COUNT_BEFORE_STOP = 1_000;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), ExampleBundles.sharedCounter(),
                frameworkProperty("swapline.replacement.timeout.ms").value(Long.toString(TIMEOUT_MS)));
    }

    @Test
    public void callsWaitThenFailNamingTheObjectAndTheNextImplementationGetsTheKeptState() throws Exception {
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        Object serviceId = tracker.getServiceReference().getProperty(Constants.SERVICE_ID);
        Counter counter = tracker.getService();
        Bundle shared = Installed.bundle(context, ShellCommandsIT.SHARED);
        for (int i = 0; i < COUNT_BEFORE_STOP; i++) {
            counter.increment();
        }

        shared.stop();
        assertEquals("the service stays registered", serviceId,
                tracker.getServiceReference().getProperty(Constants.SERVICE_ID));
        assertEquals(Boolean.TRUE, tracker.getServiceReference().getProperty("swapline.waiting"));

        long start = System.nanoTime();
        SwapTimeoutException timeout = assertThrows(SwapTimeoutException.class, counter::increment);
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.println("StopWithoutReplacementIT: after " + waitedMs + " ms: " + timeout);
        assertTrue(timeout.getMessage(), timeout.getMessage().startsWith("call on clustered object 'counter' waited "
                + TIMEOUT_MS + " ms for an implementation"));
        assertTrue("waited for the deadline: " + waitedMs + " ms", waitedMs >= TIMEOUT_MS - 1);

        FutureTask<Long> waitingCall = new FutureTask<>(() -> {
            counter.increment();
            return counter.get();
        });
        Thread caller = new Thread(waitingCall, "waiting-caller");
        caller.start();
        Installed.await("the call to wait for a replacement", 5, () -> caller.getState() == Thread.State.TIMED_WAITING);
        shared.start();
        assertEquals("the waiting call ran on the new implementation, which has the kept state",
                Long.valueOf(COUNT_BEFORE_STOP + 1), waitingCall.get(5, TimeUnit.SECONDS));
        assertEquals("shared counter 1.0", counter.implementation());
        assertEquals("exact: the failed call did not count", COUNT_BEFORE_STOP + 1, counter.get());
        assertEquals(serviceId, tracker.getServiceReference().getProperty(Constants.SERVICE_ID));
        assertEquals(Boolean.FALSE, tracker.getServiceReference().getProperty("swapline.waiting"));
        assertEquals("to the waiting root, then from it", 2L, tracker.getServiceReference().getProperty("swapline.swap.count"));
        tracker.close();
    }
}
