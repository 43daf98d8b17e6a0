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
 * {@code Bundle.update} of the shared counter, {@value #UPDATES} times alternating between its 2.0
 * and 1.0 jars, while 4 threads call the Counter service object: each update is a live swap, no
 * call fails, no increment is lost, the service stays registered, the new revision's code serves
 * the calls after each update, and the swaps forwarded or blocked calls (so they overlapped
 * calls). One update is a smoke check: the stack-check race fixed in b72890c lost 1-5 increments
 * per 1,000 swaps.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class UpdateUnderLoadIT extends Bounded {

    public UpdateUnderLoadIT() {
        super(600); // 40 updates under 4 busy threads: 30 s alone on the 2 cores
    }

    private static final String SHARED = "io.swapline.examples.counter.shared";
    private static final int THREADS = 4;
    private static final long CALLS_PER_THREAD = 20_000;
    private static final long CALLS_PER_THREAD_BETWEEN_UPDATES = 2_000;
    private static final int UPDATES = 40;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), ExampleBundles.sharedCounter());
    }

    @Test
    public void updatesUnderLoadLoseNoCallNoIncrementAndKeepTheService() throws Exception {
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        ServiceReference<Counter> reference = tracker.getServiceReference();
        Object serviceId = reference.getProperty(Constants.SERVICE_ID);
        Counter counter = tracker.getService();
        Bundle shared = Installed.bundle(context, SHARED);
        SwapOverlap overlap = SwapOverlap.of("counter");
        CallingThreads calling = CallingThreads.start(counter, THREADS);
        calling.awaitEachThreadCalls(CALLS_PER_THREAD);

        List<String> events;
        try (EventLog log = EventLog.open(context)) {
            for (int update = 1; update <= UPDATES; update++) {
                boolean toV2 = update % 2 == 1;
                try (InputStream jar = new FileInputStream(ExampleBundles.jar(toV2 ? "counter.shared.v2" : "counter.shared"))) {
                    shared.update(jar);
                }
                assertEquals("update " + update + " returns after the swap: the new revision serves",
                        toV2 ? "shared counter 2.0" : "shared counter 1.0", counter.implementation());
                assertEquals("update " + update, (long) update,
                        tracker.getServiceReference().getProperty("swapline.swap.count"));
                overlap.addLastSwap(update);
                calling.awaitEachThreadCalls(CALLS_PER_THREAD_BETWEEN_UPDATES);
            }
            events = log.lines();
        } finally {
            calling.stop();
        }
        System.out.println("UpdateUnderLoadIT: " + overlap + "; " + calling.perThread());

        calling.assertEveryThreadCalledWithoutFailure();
        assertEquals("the count is exactly the acknowledged increments", calling.acknowledged(), counter.get());
        overlap.assertCallsOverlapped();
        assertEquals(Bundle.ACTIVE, shared.getState());
        assertEquals("the last update was to 1.0", new Version(1, 0, 0), shared.getVersion());

        ServiceReference<Counter> after = tracker.getServiceReference();
        assertEquals("the same registration", serviceId, after.getProperty(Constants.SERVICE_ID));
        assertEquals(1, tracker.getServiceReferences().length);
        assertEquals("1.0.0", after.getProperty("swapline.implementation.version"));
        assertEquals((long) UPDATES, after.getProperty("swapline.swap.count"));
        assertEquals("never unregistered", List.of(),
                events.stream().filter(e -> e.contains(Counter.class.getName()) && e.endsWith("UNREGISTERING")).toList());
        assertEquals("only the updated bundle and holders changed", List.of(), events.stream()
                .filter(e -> e.startsWith("bundle ") && !e.startsWith("bundle " + SHARED + " ")
                        && !e.startsWith("bundle io.swapline.holder."))
                .toList());
        assertEquals("the probe (the client bundle) was never stopped", Bundle.ACTIVE, context.getBundle().getState());
        assertTrue("the old revisions stay removal pending until a refresh",
                context.getBundle(0).adapt(FrameworkWiring.class).getRemovalPendingBundles().contains(shared));
        tracker.close();
    }
}
