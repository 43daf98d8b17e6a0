package io.swapline.itests;

import static org.junit.Assert.assertEquals;
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
 * The same live update while the caller is an ordinary Declarative Services component in its
 * own bundle (counter-client, 3 threads): the component is activated once and never rebound,
 * no call fails, and the count is exact.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ClientComponentUpdateIT extends Bounded {

    private static final String CLIENT = "io.swapline.examples.counter.client";
    private static final long CALLS = 1_000;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), ExampleBundles.sharedCounter(),
                SwaplineOptions.bundleFile("counter.client"));
    }

    @Test
    public void componentActivatedOnceNoFailedCallExactCount() throws Exception {
        ServiceTracker<CounterLoad, CounterLoad> tracker = Installed.track(context, CounterLoad.class);
        Object clientServiceId = tracker.getServiceReference().getProperty(Constants.SERVICE_ID);
        CounterLoad client = tracker.getService();
        Installed.await("the client's first calls", 10, () -> client.snapshot().calls() >= CALLS);

        List<String> events;
        try (EventLog log = EventLog.open(context); InputStream v2 = new FileInputStream(
                ExampleBundles.jar("counter.shared.v2"))) {
            Installed.bundle(context, "io.swapline.examples.counter.shared").update(v2);
            long atUpdate = client.snapshot().calls();
            Installed.await("the client's calls after the update", 10,
                    () -> client.snapshot().calls() >= atUpdate + CALLS);
            events = log.lines();
        }
        LoadReport report = client.stop();
        System.out.println("ClientComponentUpdateIT report: " + report);

        assertEquals(report.toString(), 0, report.failures());
        assertEquals("count = acknowledged increments", report.calls(), report.count());
        assertEquals("activated once", 1, report.activations());
        assertEquals("shared counter 2.0", report.implementation());
        assertEquals("the client bundle had no event: " + events, List.of(), events.stream()
                .filter(e -> e.startsWith("bundle " + CLIENT + " ")).toList());
        assertEquals("no service was unregistered: " + events, List.of(), events.stream()
                .filter(e -> e.endsWith("UNREGISTERING")).toList());
        assertEquals(Bundle.ACTIVE, Installed.bundle(context, CLIENT).getState());
        assertEquals(clientServiceId, tracker.getServiceReference().getProperty(Constants.SERVICE_ID));
        tracker.close();
    }
}
