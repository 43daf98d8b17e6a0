package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
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
import org.osgi.util.tracker.ServiceTracker;

import io.swapline.examples.counter.client.CounterLoad;
import io.swapline.examples.counter.client.LoadReport;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * The same live updates ({@value #UPDATES}, alternating the 2.0 and 1.0 jars) while the caller is
 * an ordinary Declarative Services component in its own bundle (counter-client, 3 threads): the
 * component is activated once and never rebound, every one of its threads keeps calling through
 * every update, none of its calls throws anything (the client counts an {@code Error} as a
 * failure), the count is exact, and the swaps forwarded or blocked some of its calls.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ClientComponentUpdateIT extends Bounded {

    private static final String CLIENT = "io.swapline.examples.counter.client";
    private static final long CALLS = 1_000;
    private static final long CALLS_PER_THREAD_BETWEEN_UPDATES = 50;
    private static final int UPDATES = 20;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), ExampleBundles.sharedCounter(),
                SwaplineOptions.bundleFile("counter.client"));
    }

    @Test
    public void componentActivatedOnceEveryThreadCallsThroughEveryUpdateExactCount() throws Exception {
        ServiceTracker<CounterLoad, CounterLoad> tracker = Installed.track(context, CounterLoad.class);
        Object clientServiceId = tracker.getServiceReference().getProperty(Constants.SERVICE_ID);
        CounterLoad client = tracker.getService();
        Installed.await("the client's first calls", 10, () -> client.snapshot().calls() >= CALLS);
        Bundle shared = Installed.bundle(context, "io.swapline.examples.counter.shared");
        SwapOverlap overlap = SwapOverlap.of("counter");

        List<String> events;
        try (EventLog log = EventLog.open(context)) {
            for (int update = 1; update <= UPDATES; update++) {
                boolean toV2 = update % 2 == 1;
                try (InputStream jar = new FileInputStream(ExampleBundles.jar(toV2 ? "counter.shared.v2" : "counter.shared"))) {
                    shared.update(jar);
                }
                overlap.addLastSwap(update);
                awaitEachThreadCalls(client, CALLS_PER_THREAD_BETWEEN_UPDATES, "update " + update);
            }
            events = log.lines();
        }
        LoadReport report = client.stop();
        System.out.println("ClientComponentUpdateIT: " + overlap + "; report: " + report);

        assertEquals(report.toString(), 0, report.failures());
        assertNull(report.toString(), report.firstFailure());
        assertEquals(report.toString(), 0, report.deadThreads());
        assertEquals("count = acknowledged increments", report.calls(), report.count());
        assertEquals("activated once", 1, report.activations());
        assertEquals("shared counter 1.0", report.implementation());
        overlap.assertCallsOverlapped();
        assertEquals("the client bundle had no event: " + events, List.of(), events.stream()
                .filter(e -> e.startsWith("bundle " + CLIENT + " ")).toList());
        assertEquals("no service was unregistered: " + events, List.of(), events.stream()
                .filter(e -> e.endsWith("UNREGISTERING")).toList());
        assertEquals(Bundle.ACTIVE, Installed.bundle(context, CLIENT).getState());
        assertEquals(clientServiceId, tracker.getServiceReference().getProperty(Constants.SERVICE_ID));
        tracker.close();
    }

    /** Waits until each of the client's threads has made {@code more} calls beyond its count now. */
    private static void awaitEachThreadCalls(CounterLoad client, long more, String after) {
        List<Long> at = client.snapshot().threadCalls();
        assertEquals("the client's threads: " + at, 3, at.size());
        try {
            Installed.await("each client thread making " + more + " more calls after " + after, 20, () -> {
                List<Long> now = client.snapshot().threadCalls();
                for (int i = 0; i < at.size(); i++) {
                    if (now.get(i) < at.get(i) + more) {
                        return false;
                    }
                }
                return true;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; from " + at + " to " + client.snapshot(), e);
        }
    }
}
