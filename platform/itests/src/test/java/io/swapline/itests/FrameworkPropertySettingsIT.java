package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.ByteArrayInputStream;

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
import io.swapline.testing.exam.SwaplineOptions;

/**
 * Without Config Admin the framework properties apply, as before (operations.md, "Configuration"):
 * the extender resolves without {@code org.osgi.service.cm}, registers no managed service, and the
 * new framework property {@code swapline.swap.forward.ms=1000} makes a swap that waits for a call
 * that never ends roll back at 1 s instead of 10 s.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FrameworkPropertySettingsIT extends Bounded {

    private static final String NEXT = ConfigAdminSettingsIT.NEXT;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), SwaplineOptions.bundleFile("counter.api"), SwaplineOptions.gogo(),
                frameworkProperty("swapline.authorised.counter").value(NEXT),
                frameworkProperty("swapline.swap.forward.ms").value("1000"),
                ConfigAdminSettingsIT.gatedCounter());
    }

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return probe.setHeader(Constants.IMPORT_PACKAGE, ConfigAdminSettingsIT.GATE + ";version=\"[1,2)\"");
    }

    @Test
    public void theFrameworkPropertiesApplyWithoutConfigAdmin() throws Exception {
        assertNull("no Config Admin here", context.getServiceReference("org.osgi.service.cm.ConfigurationAdmin"));
        assertNull("the extender registers no managed service",
                context.getServiceReferences((String) null, "(|(service.pid=io.swapline)(service.pid=io.swapline.object))"));
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        Counter counter = tracker.getService();
        Bundle next = context.installBundle("test:" + NEXT, new ByteArrayInputStream(TestBundles.implementation(
                NEXT, "1.0.0", "counter", Counter.class, 0, AlternativeCounter.class, AlternativeCounterRep.class)));
        next.start();
        Gate call = Gate.named(GatedCounter.CALL_GATE);
        CallingThreads calling = CallingThreads.start(counter, 2);
        Exception failure;
        try {
            calling.awaitEachThreadCalls(1_000);
            call.arm();
            assertTrue("one increment waits inside the serving implementation", call.awaitEntered(30));
            try (GogoSession operator = GogoSession.open(context)) {
                failure = operator.failure("swapline:swap counter " + NEXT);
            } finally {
                call.open();
            }
            calling.awaitEachThreadCalls(1_000);
        } finally {
            calling.stop();
        }
        calling.assertEveryThreadCalledWithoutFailure();
        assertTrue(failure.getMessage(), failure.getMessage().contains(
                " rolled back: calls that started before the swap were still running after 1000 ms"));
        assertEquals(GatedCounter.NAME, counter.implementation());
        tracker.close();
    }
}
