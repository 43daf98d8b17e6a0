package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;
import javax.management.MBeanServer;
import javax.management.ObjectName;

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

import io.swapline.examples.counter.Counter;
import io.swapline.examples.counter.client.CounterLoad;
import io.swapline.examples.counter.client.LoadReport;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * Stopping the extender bundle itself (operations.md: "Stopping the extender itself unregisters the
 * services and destroys the objects"): the Counter service is unregistered, so the DS client
 * (counter-client, static mandatory reference) is deactivated; the object's MBean and its revision
 * holder are gone; a caller that still holds the stub — one calling in a loop, too — gets an
 * {@link IllegalStateException} naming the object instead of hanging or running on; the implementation
 * bundle stays active. Starting the extender again creates the object afresh (a new service, its
 * state not kept: the object was destroyed), and the DS client comes back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ExtenderStopIT extends Bounded {

    private static final String EXTENDER = "io.swapline.osgi";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), ExampleBundles.sharedCounter(),
                SwaplineOptions.bundleFile("counter.client"));
    }

    @Test
    public void stopUnregistersAndDestroysAndAStartCreatesTheObjectAgain() throws Exception {
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        ServiceTracker<CounterLoad, CounterLoad> clients = Installed.track(context, CounterLoad.class);
        Object serviceId = tracker.getServiceReference().getProperty(Constants.SERVICE_ID);
        Counter stub = tracker.getService();
        CounterLoad client = clients.getService();
        Installed.await("the client's calls", 10, () -> client.snapshot().calls() >= 100);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName mbean = new ObjectName("io.swapline:type=ClusteredObject,name=" + ObjectName.quote("counter"));
        assertTrue(server.isRegistered(mbean));
        assertEquals("one holder", 1, holders().size());

        FutureTask<Throwable> looping = new FutureTask<>(() -> {
            try {
                while (true) {
                    stub.increment();
                }
            } catch (Throwable t) {
                return t;
            }
        });
        Thread caller = new Thread(looping, "looping-caller");
        caller.setDaemon(true);
        caller.start();
        Bundle extender = Installed.bundle(context, EXTENDER);
        extender.stop();

        assertNull("the Counter service is unregistered", tracker.getServiceReference());
        Installed.await("the DS client deactivated (its mandatory reference is gone)", 10, () -> clients.getService() == null);
        assertFalse("the MBean is unregistered", server.isRegistered(mbean));
        assertEquals("the holder is uninstalled", List.of(), holders());
        assertEquals(Bundle.ACTIVE, Installed.bundle(context, ShellCommandsIT.SHARED).getState());
        Throwable seen = looping.get(30, TimeUnit.SECONDS);
        assertTrue("the looping caller stops with a clear exception: " + seen, seen instanceof IllegalStateException
                && seen.getMessage().contains("'counter'"));
        IllegalStateException destroyed = assertThrows(IllegalStateException.class, stub::increment);
        assertTrue(destroyed.getMessage(), destroyed.getMessage().contains("'counter'"));

        extender.start();
        Counter again = Installed.track(context, Counter.class).getService();
        assertNotEquals("a new registration", serviceId, tracker.getServiceReference().getProperty(Constants.SERVICE_ID));
        assertEquals("shared counter 1.0", again.implementation());
        assertTrue(server.isRegistered(mbean));
        assertEquals("held again", 1, holders().size());
        CounterLoad clientAgain = Installed.track(context, CounterLoad.class).getService();
        Installed.await("the client's calls on the new object", 10, () -> clientAgain.snapshot().calls() >= 100);
        LoadReport report = clientAgain.stop();
        assertEquals(report.toString(), 0, report.failures());
        assertEquals("a new object: the destroyed one's count is not kept", report.calls(), report.count());
        assertEquals("the client was activated again", 2, report.activations());
        assertThrows("the old stub stays destroyed", IllegalStateException.class, stub::increment);
        tracker.close();
        clients.close();
    }

    private List<Bundle> holders() {
        return List.of(context.getBundles()).stream()
                .filter(bundle -> bundle.getLocation().startsWith("swapline-holder:")).toList();
    }
}
