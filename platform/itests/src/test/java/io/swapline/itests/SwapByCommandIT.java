package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.streamBundle;

import java.io.ByteArrayInputStream;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import io.swapline.examples.counter.Counter;
import io.swapline.itests.alternative.AlternativeCounterRep;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * {@code swapline:swap} between the shared counter and an implementation of {@code counter} from
 * another (authorised) bundle, and back, while 4 threads call the service object: no call fails,
 * the count is exact, the service registration stays and follows the serving bundle. And the
 * command installs and uninstalls its revision holders (Felix bundle operations, which wait for
 * Felix's global lock) without holding the extender's lock ({@link ExtenderLockProbe}): holding
 * it there deadlocked against a concurrent {@code refresh}, which holds the global lock while its
 * bundle events wait for the extender's; on that code every sighting read "held".
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SwapByCommandIT extends Bounded {

    private static final int THREADS = 4;
    private static final long CALLS_PER_THREAD = 20_000;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), ExampleBundles.sharedCounter(), SwaplineOptions.gogo(),
                frameworkProperty("swapline.authorised.counter")
                        .value(ShellCommandsIT.ALTERNATIVE + ", " + ShellCommandsIT.SHARED),
                streamBundle(new ByteArrayInputStream(ShellCommandsIT.alternativeCounter(ShellCommandsIT.ALTERNATIVE))));
    }

    @Test
    public void swapByCommandToAnotherBundleAndBackKeepsTheExactCount() throws Exception {
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        ServiceReference<Counter> reference = tracker.getServiceReference();
        Object serviceId = reference.getProperty(Constants.SERVICE_ID);
        Counter counter = tracker.getService();
        long sharedId = Installed.bundle(context, ShellCommandsIT.SHARED).getBundleId();
        CallingThreads calling = CallingThreads.start(counter, THREADS);
        String there;
        String back;
        List<String> holderSightings;
        try (ExtenderLockProbe probe = ExtenderLockProbe.watch(context); GogoSession shell = GogoSession.open(context)) {
            calling.awaitEachThreadCalls(CALLS_PER_THREAD);
            there = (String) shell.execute("swapline:swap counter " + ShellCommandsIT.ALTERNATIVE);
            assertEquals("the command returns when the new implementation serves", AlternativeCounterRep.NAME,
                    counter.implementation());
            assertEquals(ShellCommandsIT.ALTERNATIVE,
                    tracker.getServiceReference().getProperty("swapline.implementation.bundle"));
            calling.awaitEachThreadCalls(CALLS_PER_THREAD);
            back = (String) shell.execute("swapline:swap counter " + sharedId);
            assertEquals("shared counter 1.0", counter.implementation());
            calling.awaitEachThreadCalls(CALLS_PER_THREAD);
            String again = (String) shell.execute("swapline:swap counter " + sharedId);
            assertTrue(again, again.startsWith("'counter' is already served by [" + sharedId + "]"));
            holderSightings = probe.awaitSightings(4);
        } finally {
            calling.stop();
        }
        System.out.println("SwapByCommandIT: " + there + "\nSwapByCommandIT: " + back);
        assertTrue(there, there.contains("[COMPLETE]") && there.contains("protocol=counter-canonical-count"));
        assertTrue(back, back.contains("[COMPLETE]"));
        assertEquals("failed calls (first: " + calling.firstFailure() + ")", 0, calling.failures());
        assertEquals("the count is exactly the acknowledged increments", calling.acknowledged(), counter.get());
        ServiceReference<Counter> after = tracker.getServiceReference();
        assertEquals("the same registration", serviceId, after.getProperty(Constants.SERVICE_ID));
        assertEquals(ShellCommandsIT.SHARED, after.getProperty("swapline.implementation.bundle"));
        assertEquals(2L, after.getProperty("swapline.swap.count"));
        assertEquals("each swap installs the new revision's holder and uninstalls the old one's with the extender's"
                + " lock free", List.of("INSTALLED: free", "UNINSTALLED: free", "INSTALLED: free", "UNINSTALLED: free"),
                holderSightings);
        try (GogoSession shell = GogoSession.open(context)) {
            List<?> history = (List<?>) shell.execute("swapline:history counter");
            assertEquals(history.toString(), 2, history.stream().filter(line -> line.toString().contains("[COMPLETE]")).count());
        }
        tracker.close();
    }
}
