package io.swapline.itests;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
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
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import io.swapline.examples.counter.Counter;
import io.swapline.itests.alternative.AlternativeCounter;
import io.swapline.itests.alternative.AlternativeCounterRep;
import io.swapline.itests.gate.Gate;
import io.swapline.itests.gated.GatedCounter;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * A configuration change during a swap does not disturb it (operations.md, "Configuration"): a
 * swap started with {@code swap.forward.ms=30000} waits in its Forward phase for a call that does
 * not end; meanwhile {@code swap.forward.ms} becomes 500 and is applied (its INFO line); the swap
 * still runs 2 s later, four times the new deadline, and completes once the call ends: it keeps
 * the deadline it started with.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConfigChangeDuringSwapIT extends Bounded {

    private static final String NEXT = ConfigAdminSettingsIT.NEXT;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), SwaplineOptions.configAdmin(), SwaplineOptions.bundleFile("counter.api"),
                SwaplineOptions.gogo(), frameworkProperty("swapline.authorised.counter").value(NEXT),
                ConfigAdminSettingsIT.gatedCounter());
    }

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return probe.setHeader(Constants.IMPORT_PACKAGE, ConfigAdminSettingsIT.GATE
                + ";version=\"[1,2)\",org.osgi.service.cm");
    }

    @Test
    public void aDeadlineChangedDuringASwapLeavesThatSwapAlone() throws Exception {
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        Counter counter = tracker.getService();
        Bundle next = context.installBundle("test:" + NEXT, new ByteArrayInputStream(TestBundles.implementation(
                NEXT, "1.0.0", "counter", Counter.class, 0, AlternativeCounter.class, AlternativeCounterRep.class)));
        next.start();
        org.osgi.service.cm.Configuration platform = ConfigAdminSettingsIT.configAdmin(context)
                .getConfiguration("io.swapline", "?");
        Gate call = Gate.named(GatedCounter.CALL_GATE);
        CallingThreads calling = CallingThreads.start(counter, 2);
        String record;
        try (LogCapture log = new LogCapture()) {
            platform.update(ConfigAdminSettingsIT.dictionary("swap.forward.ms", 30_000L));
            log.await("configuration io.swapline: swap.forward.ms 10000 (default) -> 30000", 30);
            calling.awaitEachThreadCalls(1_000);
            call.arm();
            assertTrue("one increment waits inside the serving implementation", call.awaitEntered(30));
            FutureTask<Object> swap = new FutureTask<>(() -> {
                try (GogoSession operator = GogoSession.open(context)) {
                    return operator.execute("swapline:swap counter " + NEXT);
                }
            });
            Thread operator = new Thread(swap, "operator");
            operator.setDaemon(true);
            try {
                operator.start();
                // Gogo runs the command on a pipe thread of its own: look for the swap in every thread
                Installed.await("the swap waits in its Forward phase", 30, () -> Thread.getAllStackTraces().values()
                        .stream().anyMatch(stack -> Arrays.stream(stack)
                                .anyMatch(frame -> frame.getClassName().equals("io.swapline.core.swap.Swap"))));

                log.install(); // the operator's session put Gogo's stream back
                platform.update(ConfigAdminSettingsIT.dictionary("swap.forward.ms", 500L));
                log.await("configuration io.swapline: swap.forward.ms 30000 -> 500", 30);
                operator.join(2_000); // must not end: a swap that took the new deadline would roll back now
                assertTrue("the swap still waits for the call, 2 s after the deadline became 500 ms", operator.isAlive());
                assertFalse(swap.isDone());
            } finally {
                call.open();
            }
            record = String.valueOf(swap.get(30, TimeUnit.SECONDS));
            calling.awaitEachThreadCalls(1_000);
        } finally {
            calling.stop();
            platform.delete();
            tracker.close();
        }
        calling.assertEveryThreadCalledWithoutFailure();
        assertTrue(record, record.contains("COMPLETE"));
        assertTrue(counter.implementation(), counter.implementation().equals(AlternativeCounterRep.NAME));
    }
}
