package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.streamBundle;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.util.tracker.ServiceTracker;

import io.swapline.examples.counter.Counter;
import io.swapline.itests.gate.Gate;
import io.swapline.itests.stuck.StuckCounter;
import io.swapline.itests.stuck.StuckCounterRep;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * A swap rolls back instead of hanging (operations.md, "Deadlines"): {@code swapline:swap} to an
 * implementation whose state import does not return within the Transfer deadline (5 s,
 * {@code SwapDeadlines.DEFAULT}) rolls back at that deadline while 2 threads call the counter. The
 * calls blocked during the transfer are released to the old implementation (none fails, the count
 * is exact, the record counts them blocked), the command fails with one line naming the object and
 * the reason, the record says ROLLED_BACK with the same reason, and the old implementation serves
 * on with its service unchanged.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SwapDeadlineIT extends Bounded {

    private static final String GATE = "io.swapline.itests.gate";
    private static final String STUCK = "io.swapline.itests.counter.stuck";
    private static final long CALLS_PER_THREAD = 10_000;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), ExampleBundles.sharedCounter(), SwaplineOptions.gogo(),
                frameworkProperty("swapline.authorised.counter").value(STUCK),
                streamBundle(new ByteArrayInputStream(TestBundles.exporting(GATE, "1.0.0", Gate.class))),
                streamBundle(new ByteArrayInputStream(TestBundles.implementationImporting(STUCK, "1.0.0", "counter",
                        Counter.class, 0, null, GATE + ";version=\"[1,2)\"", StuckCounter.class, StuckCounterRep.class))));
    }

    /** The probe carries a copy of the gate; it must use the gate bundle's, as the stuck counter does. */
    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return probe.setHeader(Constants.IMPORT_PACKAGE, GATE + ";version=\"[1,2)\"");
    }

    @Test
    public void aTransferPastItsDeadlineRollsBackAndTheBlockedCallsRunOnTheOldImplementation() throws Exception {
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        Object serviceId = tracker.getServiceReference().getProperty(Constants.SERVICE_ID);
        Counter counter = tracker.getService();
        CallingThreads calling = CallingThreads.start(counter, 2);
        Exception failure;
        try {
            calling.awaitEachThreadCalls(CALLS_PER_THREAD);
            FutureTask<Exception> swap = new FutureTask<>(() -> {
                try (GogoSession operator = GogoSession.open(context)) {
                    return operator.failure("swapline:swap counter " + STUCK);
                }
            });
            Thread operator = new Thread(swap, "operator");
            operator.setDaemon(true);
            operator.start();
            Gate transfer = Gate.named(StuckCounter.TRANSFER_GATE);
            assertTrue("the swap reaches the state transfer", transfer.awaitEntered(30));
            try {
                failure = swap.get(60, TimeUnit.SECONDS); // the Transfer deadline ends it, 5 s after it began
            } finally {
                transfer.open(); // lets the abandoned import return
            }
            calling.awaitEachThreadCalls(CALLS_PER_THREAD);
        } finally {
            calling.stop();
        }
        System.out.println("SwapDeadlineIT: " + failure);
        String reason = "state transfer through counter-canonical-count took longer than 5000 ms";
        assertTrue(failure.toString(), failure instanceof IllegalStateException);
        assertTrue(failure.getMessage(), failure.getMessage().startsWith("swap of 'counter' to " + STUCK)
                && failure.getMessage().contains(" rolled back: " + reason));

        calling.assertEveryThreadCalledWithoutFailure();
        assertEquals("the count is exactly the acknowledged increments", calling.acknowledged(), counter.get());
        assertEquals("shared counter 1.0", counter.implementation());
        assertEquals(serviceId, tracker.getServiceReference().getProperty(Constants.SERVICE_ID));
        assertEquals(ShellCommandsIT.SHARED, tracker.getServiceReference().getProperty("swapline.implementation.bundle"));
        assertEquals("a rolled-back swap is not counted", 0L, tracker.getServiceReference().getProperty("swapline.swap.count"));
        try (GogoSession shell = GogoSession.open(context)) {
            List<?> history = (List<?>) shell.execute("swapline:history counter");
            List<String> rolledBack = history.stream().map(Object::toString)
                    .filter(line -> line.contains("[ROLLED_BACK: " + reason + "]")).toList();
            assertEquals(history.toString(), 1, rolledBack.size());
            long blocked = Long.parseLong(rolledBack.get(0).replaceAll(".* blocked=(\\d+) .*", "$1"));
            assertTrue("the callers' calls were blocked during the transfer, then released: " + rolledBack, blocked > 0);
        }
        tracker.close();
    }
}
