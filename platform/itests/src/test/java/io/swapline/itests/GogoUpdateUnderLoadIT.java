package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.options;

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
import org.osgi.framework.Version;
import org.osgi.util.tracker.ServiceTracker;

import io.swapline.examples.counter.Counter;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * The operator's update, typed in Gogo ({@code update <id> <url>}, run here through Gogo's
 * {@code CommandProcessor} on the test thread, as the shell runs it on its own), while 4 threads
 * call the counter: a live swap with no failed call and the exact count.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GogoUpdateUnderLoadIT extends Bounded {

    private static final int THREADS = 4;
    private static final long CALLS_PER_THREAD = 20_000;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), ExampleBundles.sharedCounter(), SwaplineOptions.gogo());
    }

    @Test
    public void gogoUpdateUnderLoadIsALiveSwap() throws Exception {
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        Object serviceId = tracker.getServiceReference().getProperty(Constants.SERVICE_ID);
        Counter counter = tracker.getService();
        Bundle shared = Installed.bundle(context, ShellCommandsIT.SHARED);
        CallingThreads calling = CallingThreads.start(counter, THREADS);
        try (GogoSession shell = GogoSession.open(context)) {
            calling.awaitEachThreadCalls(CALLS_PER_THREAD);
            shell.execute("update " + shared.getBundleId() + " "
                    + ExampleBundles.jar("counter.shared.v2").toURI());
            assertEquals("update returns after the swap: 2.0 serves", "shared counter 2.0", counter.implementation());
            calling.awaitEachThreadCalls(CALLS_PER_THREAD);
        } finally {
            calling.stop();
        }
        assertEquals("failed calls (first: " + calling.firstFailure() + ")", 0, calling.failures());
        assertEquals("the count is exactly the acknowledged increments", calling.acknowledged(), counter.get());
        assertEquals(new Version(2, 0, 0), shared.getVersion());
        assertEquals(serviceId, tracker.getServiceReference().getProperty(Constants.SERVICE_ID));
        assertEquals(1L, tracker.getServiceReference().getProperty("swapline.swap.count"));
        tracker.close();
    }
}
