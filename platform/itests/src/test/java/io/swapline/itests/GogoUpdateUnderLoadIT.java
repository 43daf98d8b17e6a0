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
 * {@code CommandProcessor} on the test thread, as the shell runs it on its own), {@value #UPDATES}
 * times alternating the 2.0 and 1.0 jars, while 4 threads call the counter: each a live swap, no
 * failed call, the exact count, and calls forwarded or blocked by the swaps.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GogoUpdateUnderLoadIT extends Bounded {

    private static final int THREADS = 4;
    private static final long CALLS_PER_THREAD = 20_000;
    private static final long CALLS_PER_THREAD_BETWEEN_UPDATES = 2_000;
    private static final int UPDATES = 20;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), ExampleBundles.sharedCounter(), SwaplineOptions.gogo());
    }

    @Test
    public void gogoUpdatesUnderLoadAreLiveSwaps() throws Exception {
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        Object serviceId = tracker.getServiceReference().getProperty(Constants.SERVICE_ID);
        Counter counter = tracker.getService();
        Bundle shared = Installed.bundle(context, ShellCommandsIT.SHARED);
        SwapOverlap overlap = SwapOverlap.of("counter");
        CallingThreads calling = CallingThreads.start(counter, THREADS);
        try (GogoSession shell = GogoSession.open(context)) {
            calling.awaitEachThreadCalls(CALLS_PER_THREAD);
            for (int update = 1; update <= UPDATES; update++) {
                boolean toV2 = update % 2 == 1;
                shell.execute("update " + shared.getBundleId() + " "
                        + ExampleBundles.jar(toV2 ? "counter.shared.v2" : "counter.shared").toURI());
                assertEquals("update " + update + " returns after the swap",
                        toV2 ? "shared counter 2.0" : "shared counter 1.0", counter.implementation());
                overlap.addLastSwap(update);
                calling.awaitEachThreadCalls(CALLS_PER_THREAD_BETWEEN_UPDATES);
            }
        } finally {
            calling.stop();
        }
        System.out.println("GogoUpdateUnderLoadIT: " + overlap + "; " + calling.perThread());
        calling.assertEveryThreadCalledWithoutFailure();
        assertEquals("the count is exactly the acknowledged increments", calling.acknowledged(), counter.get());
        overlap.assertCallsOverlapped();
        assertEquals(new Version(1, 0, 0), shared.getVersion());
        assertEquals(serviceId, tracker.getServiceReference().getProperty(Constants.SERVICE_ID));
        assertEquals((long) UPDATES, tracker.getServiceReference().getProperty("swapline.swap.count"));
        tracker.close();
    }
}
