package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

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
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

import io.swapline.examples.counter.Counter;
import io.swapline.testing.exam.SwaplineOptions;

/** The extender publishes each clustered object as an MXBean in the platform MBean server. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ManagementIT extends Bounded {

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
        assertEquals(0L, server.getAttribute(name, "SwapCount"));
        tracker.close();
    }
}
