package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

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
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.util.tracker.ServiceTracker;

import io.swapline.examples.counter.Counter;
import io.swapline.examples.counter.client.CounterLoad;
import io.swapline.examples.counter.client.LoadReport;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * A bundle contributes an implementation by its manifest alone: installing counter-api and
 * counter-shared publishes a Counter service, and the DS client in another bundle binds to it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ContributionIT extends Bounded {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), ExampleBundles.sharedCounter(),
                SwaplineOptions.bundleFile("counter.client"));
    }

    @Test
    public void sharedCounterIsPublishedUnderItsInterfaceWithItsImplementationsProperties() throws Exception {
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        ServiceReference<Counter> reference = tracker.getServiceReference();
        assertEquals("counter", reference.getProperty("swapline.object"));
        assertEquals("io.swapline.examples.counter.shared", reference.getProperty("swapline.implementation.bundle"));
        assertEquals("1.0.0", reference.getProperty("swapline.implementation.version"));
        assertEquals("SHARED", reference.getProperty("swapline.root.kind"));
        assertEquals("registered by the extender, not by the implementation bundle", "io.swapline.osgi",
                reference.getBundle().getSymbolicName());
        assertEquals("shared counter 1.0", tracker.getService().implementation());
        assertEquals("exactly one Counter", 1, tracker.getServiceReferences().length);
        tracker.close();
    }

    @Test
    public void declarativeServicesClientInAnotherBundleBindsAndCalls() throws Exception {
        ServiceTracker<CounterLoad, CounterLoad> tracker = Installed.track(context, CounterLoad.class);
        CounterLoad client = tracker.getService();
        Installed.await("the client's calls, from each of its threads", 10, () -> client.snapshot().calls() >= 100
                && client.snapshot().threadCalls().stream().allMatch(calls -> calls > 0));
        LoadReport report = client.snapshot();
        assertEquals(report.toString(), 0, report.failures());
        assertNull(report.lastFailure());
        assertEquals(report.toString(), 0, report.deadThreads());
        assertEquals(report.toString(), 3, report.threadCalls().size());
        assertEquals(1, report.activations());
        assertEquals("shared counter 1.0", report.implementation());
        tracker.close();
    }

    @Test
    public void swaplineListCommandShowsTheObject() throws Exception {
        ServiceReference<?>[] commands = context.getServiceReferences((String) null,
                "(&(osgi.command.scope=swapline)(osgi.command.function=list))");
        assertEquals(1, commands.length);
        Object service = context.getService(commands[0]);
        // Called as Gogo calls it: by reflection (the class is private to the extender).
        List<?> lines = (List<?>) service.getClass().getMethod("list").invoke(service);
        assertEquals(lines.toString(), 2, lines.size());
        assertTrue(lines.toString(), lines.get(1).toString().startsWith(
                "counter | io.swapline.examples.counter.Counter | io.swapline.examples.counter.shared 1.0.0 | SHARED | "));
        context.ungetService(commands[0]);
    }

    @Test
    public void holderBundleKeepsTheServingRevisionWired() {
        Bundle shared = Installed.bundle(context, "io.swapline.examples.counter.shared");
        List<BundleWire> wires = shared.adapt(BundleWiring.class).getProvidedWires("osgi.wiring.bundle");
        assertEquals("one holder requires the serving revision: " + wires, 1, wires.size());
        Bundle holder = wires.get(0).getRequirer().getBundle();
        assertTrue(holder.getLocation(), holder.getLocation().startsWith("swapline-holder:"));
        assertEquals("resolved, never started", Bundle.RESOLVED, holder.getState());
        assertFalse("the implementation bundle exports nothing",
                shared.adapt(BundleWiring.class).getProvidedWires("osgi.wiring.package").iterator().hasNext());
    }
}
