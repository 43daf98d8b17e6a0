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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.util.tracker.ServiceTracker;

import io.swapline.examples.counter.Counter;
import io.swapline.itests.alternative.AlternativeCounter;
import io.swapline.itests.alternative.AlternativeCounterRep;
import io.swapline.itests.gate.Gate;
import io.swapline.itests.gated.GatedCounter;
import io.swapline.itests.gated.GatedCounterRep;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * A swap rolls back instead of hanging when a call that started before it never ends
 * (operations.md, "Deadlines": the Forward phase may take 10 s): one of 3 callers' increments waits
 * inside the serving implementation when {@code swapline:swap} begins; the Forward phase waits for
 * it up to its deadline, forwarding the other callers' calls meanwhile, then rolls back. The command
 * fails in one line naming the object, the reason and the stuck caller's thread; the stuck call and
 * every other call end normally on the old implementation (exact count), which serves on.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ForwardDeadlineIT extends Bounded {

    private static final String GATE = "io.swapline.itests.gate";
    private static final String GATED = "io.swapline.itests.counter.gated";
    private static final String NEXT = "io.swapline.itests.counter.next";
    private static final long CALLS_PER_THREAD = 10_000;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), SwaplineOptions.bundleFile("counter.api"), SwaplineOptions.gogo(),
                frameworkProperty("swapline.authorised.counter").value(NEXT),
                streamBundle(new ByteArrayInputStream(TestBundles.exporting(GATE, "1.0.0", Gate.class))),
                streamBundle(new ByteArrayInputStream(TestBundles.implementationImporting(GATED, "1.0.0", "counter",
                        Counter.class, 0, null, GATE + ";version=\"[1,2)\"", GatedCounter.class, GatedCounterRep.class))));
    }

    /** The probe carries a copy of the gate; it must use the gate bundle's, as the gated counter does. */
    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return probe.setHeader(Constants.IMPORT_PACKAGE, GATE + ";version=\"[1,2)\"");
    }

    @Test
    public void aCallRunningPastTheForwardDeadlineRollsTheSwapBackAndEveryCallEnds() throws Exception {
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        Counter counter = tracker.getService();
        assertEquals(GatedCounter.NAME, counter.implementation());
        Bundle next = context.installBundle("test:" + NEXT, new ByteArrayInputStream(TestBundles.implementation(
                NEXT, "1.0.0", "counter", Counter.class, 0, AlternativeCounter.class, AlternativeCounterRep.class)));
        next.start();
        Gate call = Gate.named(GatedCounter.CALL_GATE);
        CallingThreads calling = CallingThreads.start(counter, 3);
        Exception failure;
        try {
            calling.awaitEachThreadCalls(CALLS_PER_THREAD);
            call.arm();
            assertTrue("one increment waits inside the serving implementation", call.awaitEntered(30));
            FutureTask<Exception> swap = new FutureTask<>(() -> {
                try (GogoSession operator = GogoSession.open(context)) {
                    return operator.failure("swapline:swap counter " + NEXT);
                }
            });
            Thread operator = new Thread(swap, "operator");
            operator.setDaemon(true);
            operator.start();
            try {
                failure = swap.get(60, TimeUnit.SECONDS); // the Forward deadline ends it, 10 s after it began
            } finally {
                call.open(); // the stuck call goes on
            }
            calling.awaitEachThreadCalls(CALLS_PER_THREAD);
        } finally {
            calling.stop();
        }
        System.out.println("ForwardDeadlineIT: " + failure);
        String reason = "calls that started before the swap were still running after 10000 ms in threads [counter-caller-";
        assertTrue(failure.toString(), failure instanceof IllegalStateException);
        assertTrue(failure.getMessage(), failure.getMessage().startsWith("swap of 'counter' to " + NEXT)
                && failure.getMessage().contains(" rolled back: " + reason));

        calling.assertEveryThreadCalledWithoutFailure();
        assertEquals("the count is exactly the acknowledged increments", calling.acknowledged(), counter.get());
        assertEquals(GatedCounter.NAME, counter.implementation());
        assertEquals(GATED, tracker.getServiceReference().getProperty("swapline.implementation.bundle"));
        assertEquals("a rolled-back swap is not counted", 0L, tracker.getServiceReference().getProperty("swapline.swap.count"));
        try (GogoSession shell = GogoSession.open(context)) {
            List<String> rolledBack = ((List<?>) shell.execute("swapline:history counter")).stream().map(Object::toString)
                    .filter(line -> line.contains("[ROLLED_BACK: " + reason)).toList();
            assertEquals(1, rolledBack.size());
            long forwarded = Long.parseLong(rolledBack.get(0).replaceAll(".* forwarded=(\\d+) .*", "$1"));
            assertTrue("the other callers' calls were forwarded while the swap waited: " + rolledBack, forwarded > 0);
        }
        tracker.close();
    }
}
