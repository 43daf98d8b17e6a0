package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.ByteArrayInputStream;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.util.tracker.ServiceTracker;

import io.swapline.api.SwapTimeoutException;
import io.swapline.examples.counter.Counter;
import io.swapline.itests.alternative.UnimportingCounter;
import io.swapline.itests.alternative.UnimportingCounterRep;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * A waiting object's kept state goes to any allowed implementation that shares a protocol with
 * the one that stopped, negotiated when it arrives as a direct swap would be. Regression: with
 * the shared and the distributed counter both stopped, starting the distributed one was refused
 * ("it does not import counter-cell-by-reference(bit 2, …), the protocol the kept state is in")
 * although both speak counter-canonical-count, and calls failed every timeout.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class HandOverToAnotherImplementationIT extends Bounded {

    private static final String UNIMPORTING = "io.swapline.itests.counter.unimporting";
    private static final long TIMEOUT_MS = 1_500;
    private static final int COUNT = 1_000;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), ExampleBundles.sharedCounter(),
                SwaplineOptions.bundleFile("counter.distributed"),
                frameworkProperty("swapline.authorised.counter").value(AutonomicPolicyIT.SHARED + ","
                        + AutonomicPolicyIT.DISTRIBUTED + "," + UNIMPORTING),
                frameworkProperty("swapline.replacement.timeout.ms").value(Long.toString(TIMEOUT_MS)));
    }

    @Test
    public void theDistributedCounterTakesTheSharedCountersKeptStateThroughTheCanonicalCount() throws Exception {
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        Object serviceId = tracker.getServiceReference().getProperty(Constants.SERVICE_ID);
        Counter counter = tracker.getService();
        for (int i = 0; i < COUNT; i++) {
            counter.increment();
        }
        Bundle distributed = Installed.bundle(context, AutonomicPolicyIT.DISTRIBUTED);
        distributed.stop();
        Installed.bundle(context, AutonomicPolicyIT.SHARED).stop();
        assertEquals(Boolean.TRUE, tracker.getServiceReference().getProperty("swapline.waiting"));

        FutureTask<Long> waitingCall = waitingIncrement(counter);
        distributed.start();

        assertEquals("the waiting call ran on the distributed counter, which has the kept state",
                Long.valueOf(COUNT + 1), waitingCall.get(10, TimeUnit.SECONDS));
        assertEquals("distributed counter 1.0", counter.implementation());
        assertEquals(COUNT + 1, counter.get());
        assertEquals("the service stayed", serviceId, tracker.getServiceReference().getProperty(Constants.SERVICE_ID));
        assertEquals(Boolean.FALSE, tracker.getServiceReference().getProperty("swapline.waiting"));
        assertEquals(AutonomicPolicyIT.DISTRIBUTED,
                tracker.getServiceReference().getProperty("swapline.implementation.bundle"));
        tracker.close();
    }

    @Test
    public void aRefusedHandOverSaysWhyToTheCallsThatTimeOutAndTheNextAllowedOneStillTakesTheState()
            throws Exception {
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        Counter counter = tracker.getService();
        for (int i = 0; i < COUNT; i++) {
            counter.increment();
        }
        Bundle distributed = Installed.bundle(context, AutonomicPolicyIT.DISTRIBUTED);
        distributed.stop();
        Bundle shared = Installed.bundle(context, AutonomicPolicyIT.SHARED);
        shared.stop();
        Bundle unimporting = context.installBundle("test:" + UNIMPORTING, new ByteArrayInputStream(
                TestBundles.implementation(UNIMPORTING, "1.0.0", "counter", Counter.class, 0,
                        UnimportingCounter.class, UnimportingCounterRep.class)));
        unimporting.start(); // refused: it imports none of the kept protocols

        SwapTimeoutException timeout = assertThrows(SwapTimeoutException.class, counter::increment);
        assertTrue(timeout.getMessage(), timeout.getMessage().contains("the implementation that arrived did not take"
                + " its state: " + UNIMPORTING + " 1.0.0: "));
        assertTrue(timeout.getMessage(), timeout.getMessage().contains("no common transfer protocol"));
        assertEquals(Boolean.TRUE, tracker.getServiceReference().getProperty("swapline.waiting"));

        FutureTask<Long> waitingCall = waitingIncrement(counter);
        shared.start();
        assertEquals("the refusal lost nothing", Long.valueOf(COUNT + 1), waitingCall.get(10, TimeUnit.SECONDS));
        assertEquals("shared counter 1.0", counter.implementation());
        tracker.close();
    }

    /** An increment (then a get) on its own thread, started once it waits for an implementation. */
    private static FutureTask<Long> waitingIncrement(Counter counter) {
        FutureTask<Long> call = new FutureTask<>(() -> {
            counter.increment();
            return counter.get();
        });
        Thread caller = new Thread(call, "waiting-caller");
        caller.setDaemon(true);
        caller.start();
        Installed.await("the call to wait for an implementation", 5,
                () -> caller.getState() == Thread.State.TIMED_WAITING);
        return call;
    }
}
