package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.streamBundle;

import java.io.ByteArrayInputStream;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

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
import io.swapline.itests.gated.GatedCounterRep;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * With Config Admin (operations.md, "Configuration"), settings changed at run time apply without a
 * restart: an authorised list in {@code io.swapline.object~counter} lets a bundle no framework
 * property authorises replace the counter; {@code swap.forward.ms} in {@code io.swapline} makes
 * the next swap roll back at the new Forward deadline (1 s, against 10 s by default) when a call
 * that started before it never ends; an invalid value is rejected with one WARN line naming the
 * PID, the key and the reason, and the next swap still rolls back at 1 s.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConfigAdminSettingsIT extends Bounded {

    static final String GATE = "io.swapline.itests.gate";
    static final String GATED = "io.swapline.itests.counter.gated";
    static final String NEXT = "io.swapline.itests.counter.next";
    private static final long CALLS_PER_THREAD = 1_000;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), SwaplineOptions.configAdmin(), SwaplineOptions.bundleFile("counter.api"),
                SwaplineOptions.gogo(), gatedCounter());
    }

    /** The gate bundle and the gated counter, as ForwardDeadlineIT has them. */
    static Option gatedCounter() {
        return org.ops4j.pax.exam.CoreOptions.composite(
                streamBundle(new ByteArrayInputStream(TestBundles.exporting(GATE, "1.0.0", Gate.class))),
                streamBundle(new ByteArrayInputStream(TestBundles.implementationImporting(GATED, "1.0.0", "counter",
                        Counter.class, 0, null, GATE + ";version=\"[1,2)\"", GatedCounter.class, GatedCounterRep.class))));
    }

    /** The probe carries a copy of the gate; it must use the gate bundle's, as the gated counter does. */
    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return probe.setHeader(Constants.IMPORT_PACKAGE, GATE + ";version=\"[1,2)\",org.osgi.service.cm");
    }

    @Test
    public void anAuthorisedListAndADeadlineChangedAtRunTimeApplyAndAnInvalidValueIsRejected() throws Exception {
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        Counter counter = tracker.getService();
        assertEquals(GatedCounter.NAME, counter.implementation());
        Bundle next = context.installBundle("test:" + NEXT, new ByteArrayInputStream(TestBundles.implementation(
                NEXT, "1.0.0", "counter", Counter.class, 0, AlternativeCounter.class, AlternativeCounterRep.class)));
        next.start();
        ConfigurationAdmin configAdmin = configAdmin(context);
        org.osgi.service.cm.Configuration object = configAdmin.getFactoryConfiguration("io.swapline.object", "counter", "?");
        org.osgi.service.cm.Configuration platform = configAdmin.getConfiguration("io.swapline", "?");
        try (LogCapture log = new LogCapture(); GogoSession shell = GogoSession.open(context)) {
            Exception refused = shell.failure("swapline:swap counter " + NEXT);
            assertTrue(refused.getMessage(), refused.getMessage().contains(NEXT + " is not authorised for 'counter'"));


            log.install();
            object.update(dictionary("authorised", new String[] { NEXT, GATED }));
            log.await("configuration io.swapline.object~counter: authorised of 'counter' none (default) -> " + NEXT + ","
                    + GATED, 30);
            log.install();
            platform.update(dictionary("swap.forward.ms", 1000L));
            log.await("configuration io.swapline: swap.forward.ms 10000 (default) -> 1000", 30);

            assertSwapRollsBackAtTheForwardDeadline(counter, 1000); // authorised now (it got to Forward), at the new deadline

            log.install();

            platform.update(dictionary("swap.forward.ms", "-5"));
            String warning = log.await("swap.forward.ms=-5", 30);
            assertEquals(List.of(warning), log.lines("swap.forward.ms=-5"));
            assertTrue(warning, warning.contains(" WARN ") && warning.endsWith(
                    "configuration io.swapline: swap.forward.ms=-5 rejected: out of range [0, ∞]; 1000 stays in force"));

            assertSwapRollsBackAtTheForwardDeadline(counter, 1000); // the previous value stays in force

            String swapped = String.valueOf(shell.execute("swapline:swap counter " + NEXT));
            assertTrue(swapped, swapped.contains("COMPLETE"));
            assertEquals(AlternativeCounterRep.NAME, counter.implementation());
        } finally {
            object.delete();
            platform.delete();
            tracker.close();
        }
    }

    /** One call waits inside the gated counter while {@code swapline:swap} runs: the swap rolls back at the deadline. */
    private void assertSwapRollsBackAtTheForwardDeadline(Counter counter, long deadlineMillis) throws Exception {
        Gate.reset(GatedCounter.CALL_GATE); // one-use: this runs twice
        Gate call = Gate.named(GatedCounter.CALL_GATE);
        CallingThreads calling = CallingThreads.start(counter, 2);
        Exception failure;
        try {
            calling.awaitEachThreadCalls(CALLS_PER_THREAD);
            call.arm();
            assertTrue("one increment waits inside the serving implementation", call.awaitEntered(30));
            try (GogoSession operator = GogoSession.open(context)) {
                failure = operator.failure("swapline:swap counter " + NEXT);
            } finally {
                call.open();
            }
            calling.awaitEachThreadCalls(CALLS_PER_THREAD);
        } finally {
            calling.stop();
        }
        calling.assertEveryThreadCalledWithoutFailure();
        assertTrue(failure.getMessage(), failure.getMessage().contains(
                " rolled back: calls that started before the swap were still running after " + deadlineMillis + " ms"));
        assertEquals(GatedCounter.NAME, counter.implementation());
    }

    static ConfigurationAdmin configAdmin(BundleContext context) throws InterruptedException {
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> tracker = new ServiceTracker<>(context,
                ConfigurationAdmin.class, null);
        tracker.open();
        ConfigurationAdmin configAdmin = tracker.waitForService(10_000);
        assertTrue("Config Admin within 10 s", configAdmin != null);
        return configAdmin;
    }

    static Dictionary<String, Object> dictionary(Object... keysAndValues) {
        Hashtable<String, Object> dictionary = new Hashtable<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            dictionary.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return dictionary;
    }
}
