package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.streamBundle;

import java.io.ByteArrayInputStream;
import java.util.Collections;
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
 * another (authorised) bundle, and back, {@value #ROUNDS} times, while 4 threads call the service
 * object: no call fails, the count is exact, the swaps forwarded or blocked calls, the service
 * registration stays and follows the serving bundle. And the
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
    private static final long CALLS_PER_THREAD_BETWEEN_SWAPS = 2_000;
    private static final int ROUNDS = 10;

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
    public void swapsByCommandToAnotherBundleAndBackKeepTheExactCount() throws Exception {
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        ServiceReference<Counter> reference = tracker.getServiceReference();
        Object serviceId = reference.getProperty(Constants.SERVICE_ID);
        Counter counter = tracker.getService();
        long sharedId = Installed.bundle(context, ShellCommandsIT.SHARED).getBundleId();
        SwapOverlap overlap = SwapOverlap.of("counter");
        CallingThreads calling = CallingThreads.start(counter, THREADS);
        List<String> holderSightings;
        try (ExtenderLockProbe probe = ExtenderLockProbe.watch(context); GogoSession shell = GogoSession.open(context)) {
            calling.awaitEachThreadCalls(CALLS_PER_THREAD);
            for (int round = 1; round <= ROUNDS; round++) {
                String there = (String) shell.execute("swapline:swap counter " + ShellCommandsIT.ALTERNATIVE);
                assertEquals("round " + round + ": the command returns when the new implementation serves",
                        AlternativeCounterRep.NAME, counter.implementation());
                assertEquals(ShellCommandsIT.ALTERNATIVE,
                        tracker.getServiceReference().getProperty("swapline.implementation.bundle"));
                assertTrue(there, there.contains("protocol=counter-canonical-count"));
                overlap.add(there);
                calling.awaitEachThreadCalls(CALLS_PER_THREAD_BETWEEN_SWAPS);
                overlap.add((String) shell.execute("swapline:swap counter " + sharedId));
                assertEquals("shared counter 1.0", counter.implementation());
                calling.awaitEachThreadCalls(CALLS_PER_THREAD_BETWEEN_SWAPS);
            }
            String again = (String) shell.execute("swapline:swap counter " + sharedId);
            assertTrue(again, again.startsWith("'counter' is already served by [" + sharedId + "]"));
            holderSightings = probe.awaitSightings(4 * ROUNDS);
        } finally {
            calling.stop();
        }
        System.out.println("SwapByCommandIT: " + overlap + "; " + calling.perThread());
        calling.assertEveryThreadCalledWithoutFailure();
        assertEquals("the count is exactly the acknowledged increments", calling.acknowledged(), counter.get());
        overlap.assertCallsOverlapped();
        ServiceReference<Counter> after = tracker.getServiceReference();
        assertEquals("the same registration", serviceId, after.getProperty(Constants.SERVICE_ID));
        assertEquals(ShellCommandsIT.SHARED, after.getProperty("swapline.implementation.bundle"));
        assertEquals((long) 2 * ROUNDS, after.getProperty("swapline.swap.count"));
        assertEquals("each swap installs the new revision's holder and uninstalls the old one's with the extender's"
                + " lock free", Collections.nCopies(2 * ROUNDS, List.of("INSTALLED: free", "UNINSTALLED: free")).stream()
                        .flatMap(List::stream).toList(),
                holderSightings);
        try (GogoSession shell = GogoSession.open(context)) {
            List<?> history = (List<?>) shell.execute("swapline:history counter");
            assertEquals(history.toString(), 2 * ROUNDS,
                    history.stream().filter(line -> line.toString().contains("[COMPLETE]")).count());
        }
        tracker.close();
    }
}
