package ${package}.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.Timeout;
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
import org.osgi.util.tracker.ServiceTracker;

import ${package}.api.Counter;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * A live update, as an operator makes it: while 4 threads increment the {@link Counter}
 * service, the shared counter's bundle is updated with the distributed counter's jar. The
 * platform swaps the live object to the new implementation with its state: no call fails, no
 * increment is lost, and clients keep the same service object.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LiveUpdateIT {

    /** Every test is bounded: a deadlock fails it, with the stuck thread's stack, instead of hanging the build. */
    @Rule
    public final Timeout timeout = Timeout.builder().withTimeout(300, TimeUnit.SECONDS).withLookingForStuckThread(true).build();

    private static final String SHARED = "${package}.shared";
    private static final String DISTRIBUTED = "${package}.distributed";
    private static final int THREADS = 4;
    private static final long CALLS_PER_THREAD = 10_000;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(
                SwaplineOptions.swapline(),
                // A bundle of another symbolic name may take over the object only if the operator authorises it.
                frameworkProperty("swapline.authorised." + Counter.OBJECT).value(DISTRIBUTED),
                SwaplineOptions.bundleFile("counter.api"),
                SwaplineOptions.bundleFile("counter.shared"));
    }

    @Test
    public void updateToTheDistributedCounterUnderLoadLosesNoCallAndNoIncrement() throws Exception {
        ServiceTracker<Counter, Counter> tracker = new ServiceTracker<>(context, Counter.class, null);
        tracker.open();
        Counter counter = tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
        assertNotNull("a Counter service", counter);
        ServiceReference<Counter> before = tracker.getServiceReference();
        assertEquals("shared", counter.implementation());
        Bundle bundle = bundle(SHARED);

        CallingThreads calling = CallingThreads.start(counter::increment, THREADS);
        try {
            calling.awaitEachThreadCalls(CALLS_PER_THREAD);
            try (InputStream distributed = new FileInputStream(jar("counter.distributed"))) {
                bundle.update(distributed); // returns once the distributed counter serves
            }
            calling.awaitEachThreadCalls(CALLS_PER_THREAD);
        } finally {
            calling.stop();
        }

        assertEquals("failed calls (first: " + calling.firstFailure() + ")", 0, calling.failures());
        assertEquals("every acknowledged increment, once", calling.acknowledged(), counter.count());
        assertEquals("distributed", counter.implementation());
        assertEquals(DISTRIBUTED, bundle.getSymbolicName());
        ServiceReference<Counter> after = tracker.getServiceReference();
        assertEquals("the same registration", before.getProperty(Constants.SERVICE_ID),
                after.getProperty(Constants.SERVICE_ID));
        assertSame("the same service object", counter, context.getService(after));
        assertEquals(1L, after.getProperty("swapline.swap.count"));
        context.ungetService(after);
        tracker.close();
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName + " is installed");
    }

    /**
     * The jar the build passed as {@code swapline.bundle.<key>}. Test methods run inside the
     * framework, where the test kit is not loaded: only its constant is used here.
     */
    private static File jar(String key) {
        return new File(System.getProperty(SwaplineOptions.BUNDLE_PROPERTY_PREFIX + key));
    }
}
