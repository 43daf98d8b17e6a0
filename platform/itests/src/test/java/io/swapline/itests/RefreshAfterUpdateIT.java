package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.FileInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;

import io.swapline.examples.counter.Counter;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * What a refresh of the implementation bundle does after an update, under load. The update
 * leaves the old revision removal pending (a holder kept it alive); a refresh of the bundle
 * releases it, and also re-resolves the serving revision: Felix 7.0.5 keeps the same
 * {@link BundleRevision} object but gives it a new wiring, disposing of the class loader the live
 * object runs on. The extender must see that as a new implementation and swap to it — it used to
 * compare revisions and missed it (the object kept running on a disposed class loader).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RefreshAfterUpdateIT extends Bounded {

    private static final long CALLS_PER_THREAD = 20_000;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), ExampleBundles.sharedCounter());
    }

    @Test
    public void refreshReleasesTheOldRevisionAndSwapsToTheReResolvedWiring() throws Exception {
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        Object serviceId = tracker.getServiceReference().getProperty(Constants.SERVICE_ID);
        Counter counter = tracker.getService();
        Bundle shared = Installed.bundle(context, "io.swapline.examples.counter.shared");
        FrameworkWiring frameworkWiring = context.getBundle(0).adapt(FrameworkWiring.class);
        CallingThreads calling = CallingThreads.start(counter, 4);
        List<String> events;
        try (InputStream v2 = new FileInputStream(ExampleBundles.jar("counter.shared.v2"))) {
            calling.awaitEachThreadCalls(CALLS_PER_THREAD);
            shared.update(v2);
            calling.awaitEachThreadCalls(CALLS_PER_THREAD);
            assertTrue(frameworkWiring.getRemovalPendingBundles().contains(shared));
            BundleRevision revision = shared.adapt(BundleRevision.class);
            BundleWiring wiring = shared.adapt(BundleWiring.class);

            CountDownLatch refreshed = new CountDownLatch(1);
            try (EventLog log = EventLog.open(context)) {
                frameworkWiring.refreshBundles(List.of(shared), event -> {
                    if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                        refreshed.countDown();
                    }
                });
                assertTrue("refresh within 20 s", refreshed.await(20, TimeUnit.SECONDS));
                events = log.lines();
            }
            assertSame("Felix keeps the revision object", revision, shared.adapt(BundleRevision.class));
            assertNotSame("...with a new wiring", wiring, shared.adapt(BundleWiring.class));
            assertTrue("the serving wiring was disposed", !wiring.isCurrent() && !wiring.isInUse());
            calling.awaitEachThreadCalls(CALLS_PER_THREAD);
        } finally {
            calling.stop();
        }
        System.out.println("RefreshAfterUpdateIT events during the refresh: " + events);

        calling.assertEveryThreadCalledWithoutFailure();
        assertEquals(calling.acknowledged(), counter.get());
        assertEquals("nothing is removal pending any more", List.of(),
                List.copyOf(frameworkWiring.getRemovalPendingBundles()));
        assertEquals("swapped at the update; at the refresh to the waiting root when it stopped the bundle"
                + " (calls wait rather than run on the disposed class loader) and from it when it restarted", 3L,
                tracker.getServiceReference().getProperty("swapline.swap.count"));
        assertEquals(serviceId, tracker.getServiceReference().getProperty(Constants.SERVICE_ID));
        assertEquals("shared counter 2.0", counter.implementation());
        tracker.close();
    }
}
