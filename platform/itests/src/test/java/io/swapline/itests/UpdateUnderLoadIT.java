package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.FileInputStream;
import java.io.InputStream;
import java.util.List;

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
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;

import io.swapline.examples.counter.Counter;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * {@code Bundle.update} of the shared counter to 2.0 while 4 threads call the Counter service
 * object is a live swap: no call fails, no increment is lost, the service stays registered,
 * and the new revision's code serves the calls afterwards.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class UpdateUnderLoadIT extends Bounded {

    private static final String SHARED = "io.swapline.examples.counter.shared";
    private static final int THREADS = 4;
    private static final long CALLS_PER_THREAD = 20_000;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), ExampleBundles.sharedCounter());
    }

    @Test
    public void updateUnderLoadLosesNoCallNoIncrementAndKeepsTheService() throws Exception {
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        ServiceReference<Counter> reference = tracker.getServiceReference();
        Object serviceId = reference.getProperty(Constants.SERVICE_ID);
        Counter counter = tracker.getService();
        Bundle shared = Installed.bundle(context, SHARED);
        CallingThreads calling = CallingThreads.start(counter, THREADS);
        calling.awaitEachThreadCalls(CALLS_PER_THREAD);

        List<String> events;
        try (EventLog log = EventLog.open(context); InputStream v2 = new FileInputStream(
                ExampleBundles.jar("counter.shared.v2"))) {
            shared.update(v2);
            assertEquals("update returns after the swap: 2.0 serves", "shared counter 2.0", counter.implementation());
            calling.awaitEachThreadCalls(CALLS_PER_THREAD);
            events = log.lines();
        } finally {
            calling.stop();
        }
        System.out.println("UpdateUnderLoadIT events during the update: " + events);
        System.out.println("UpdateUnderLoadIT acknowledged increments: " + calling.acknowledged());

        assertEquals("failed calls (first: " + calling.firstFailure() + ")", 0, calling.failures());
        assertEquals("the count is exactly the acknowledged increments", calling.acknowledged(), counter.get());
        assertEquals(Bundle.ACTIVE, shared.getState());
        assertEquals(new Version(2, 0, 0), shared.getVersion());

        ServiceReference<Counter> after = tracker.getServiceReference();
        assertEquals("the same registration", serviceId, after.getProperty(Constants.SERVICE_ID));
        assertEquals(1, tracker.getServiceReferences().length);
        assertEquals("2.0.0", after.getProperty("swapline.implementation.version"));
        assertEquals(1L, after.getProperty("swapline.swap.count"));
        assertEquals("never unregistered: " + events, List.of(),
                events.stream().filter(e -> e.contains(Counter.class.getName()) && e.endsWith("UNREGISTERING")).toList());
        assertEquals("only the updated bundle and holders changed: " + events, List.of(), events.stream()
                .filter(e -> e.startsWith("bundle ") && !e.startsWith("bundle " + SHARED + " ")
                        && !e.startsWith("bundle io.swapline.holder."))
                .toList());
        assertEquals("the probe (the client bundle) was never stopped", Bundle.ACTIVE, context.getBundle().getState());
        assertTrue("the old revision stays removal pending until a refresh",
                context.getBundle(0).adapt(FrameworkWiring.class).getRemovalPendingBundles().contains(shared));
        tracker.close();
    }
}
