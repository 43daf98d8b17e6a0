package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.FileInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;

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
import org.osgi.util.tracker.ServiceTracker;

import io.swapline.examples.counter.Counter;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * The extender publishes each clustered object as an MXBean in the platform MBean server, which
 * follows the object: its swap count, last swap and history after an update, the waiting root
 * after a stop of the serving bundle, the implementation again after its start.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ManagementIT extends Bounded {

    private static final String SHARED = "io.swapline.examples.counter.shared";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), ExampleBundles.sharedCounter());
    }

    @Test
    public void theCounterShowsInThePlatformMBeanServerWithItsImplementation() throws Exception {
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        tracker.getService().increment();
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("io.swapline:type=ClusteredObject,name=" + ObjectName.quote("counter"));

        assertTrue("registered: " + server.queryNames(new ObjectName("io.swapline:*"), null), server.isRegistered(name));
        assertEquals("counter", server.getAttribute(name, "Name"));
        assertEquals(Counter.class.getName(), server.getAttribute(name, "InterfaceName"));
        assertEquals("SHARED", server.getAttribute(name, "RootKind"));
        assertEquals("as the service says", tracker.getServiceReference().getProperty("swapline.swap.count"),
                server.getAttribute(name, "SwapCount"));
        tracker.close();
    }

    @Test
    public void afterAnUpdateAStopAndAStartTheMBeanShowsEachSwapAndTheWaiting() throws Exception {
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        Counter counter = tracker.getService();
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("io.swapline:type=ClusteredObject,name=" + ObjectName.quote("counter"));
        Bundle shared = Installed.bundle(context, SHARED);
        long swaps = (Long) server.getAttribute(name, "SwapCount"); // the other test swaps nothing; counted from here
        int records = ((String[]) server.getAttribute(name, "SwapHistory")).length;

        try (InputStream v2 = new FileInputStream(ExampleBundles.jar("counter.shared.v2"))) {
            shared.update(v2);
        }
        assertEquals(swaps + 1, server.getAttribute(name, "SwapCount"));
        String update = (String) server.getAttribute(name, "LastSwap");
        assertTrue(update, update.startsWith("counter: io.swapline.examples.counter.shared.SharedCounter -> "
                + "io.swapline.examples.counter.shared.SharedCounter [COMPLETE] protocol=counter-cell-by-reference "));
        String[] history = (String[]) server.getAttribute(name, "SwapHistory");
        assertEquals(records + 1, history.length);
        assertEquals("the last record is the last swap", update, history[history.length - 1]);

        counter.increment();
        shared.stop();
        assertEquals("to the waiting root", swaps + 2, server.getAttribute(name, "SwapCount"));
        assertEquals("waiting for a replacement of " + SHARED + " 2.0.0",
                server.getAttribute(name, "Implementation"));
        String stop = (String) server.getAttribute(name, "LastSwap");
        assertTrue(stop, stop.contains(" -> waiting for a replacement of ") && stop.contains(" [COMPLETE] "));

        shared.start();
        assertEquals("from the waiting root", swaps + 3, server.getAttribute(name, "SwapCount"));
        assertEquals("io.swapline.examples.counter.shared.SharedCounter", server.getAttribute(name, "Implementation"));
        assertEquals("the MBean and the service agree", tracker.getServiceReference().getProperty("swapline.swap.count"),
                server.getAttribute(name, "SwapCount"));
        assertEquals(records + 3, ((String[]) server.getAttribute(name, "SwapHistory")).length);
        assertEquals("shared counter 2.0", counter.implementation());
        tracker.close();
    }
}
