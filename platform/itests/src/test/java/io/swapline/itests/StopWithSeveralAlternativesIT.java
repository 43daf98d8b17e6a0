package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

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
import org.osgi.util.tracker.ServiceTracker;

import io.swapline.examples.counter.Counter;
import io.swapline.itests.alternative.AlternativeCounter;
import io.swapline.itests.alternative.AlternativeCounterRep;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * Stopping the serving bundle while several other ACTIVE bundles offer the object (operations.md,
 * "Stop or uninstall with no replacement"): the extender swaps to the best allowed one — highest
 * {@code ranking}, then lowest bundle id — and never to a bundle that is not authorised, however
 * high its ranking. Stopping each successor in turn walks down that order, and the last stop
 * leaves the object waiting; under load, with no failed call and the exact count throughout.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StopWithSeveralAlternativesIT extends Bounded {

    private static final String LOW = "io.swapline.itests.counter.low";
    private static final String HIGH_FIRST = "io.swapline.itests.counter.high.first";
    private static final String HIGH_SECOND = "io.swapline.itests.counter.high.second";
    private static final String UNAUTHORISED = "io.swapline.itests.counter.unauthorised";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), ExampleBundles.sharedCounter(),
                frameworkProperty("swapline.authorised.counter").value(LOW + "," + HIGH_FIRST + "," + HIGH_SECOND),
                frameworkProperty("swapline.replacement.timeout.ms").value("30000"));
    }

    @Test
    public void eachStopSwapsToTheHighestRankingAuthorisedBundleThenTheLowestBundleId() throws Exception {
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        Counter counter = tracker.getService();
        assertEquals("shared counter 1.0", counter.implementation());
        // Installed in this order after the object exists, so the bundle ids rise in it.
        List<Bundle> alternatives = new ArrayList<>();
        for (String[] offer : new String[][] {{LOW, "1"}, {HIGH_FIRST, "5"}, {HIGH_SECOND, "5"}, {UNAUTHORISED, "10"}}) {
            Bundle bundle = context.installBundle("test:" + offer[0], new ByteArrayInputStream(TestBundles.implementation(
                    offer[0], "1.0.0", "counter", Counter.class, Integer.parseInt(offer[1]),
                    AlternativeCounter.class, AlternativeCounterRep.class)));
            bundle.start();
            alternatives.add(bundle);
        }
        assertEquals("starting alternatives swaps nothing", ShellCommandsIT.SHARED, servingBundle(tracker));

        CallingThreads calling = CallingThreads.start(counter, 2);
        List<String> served = new ArrayList<>();
        try {
            calling.awaitEachThreadCalls(10_000);
            Installed.bundle(context, ShellCommandsIT.SHARED).stop();
            served.add(servingBundle(tracker));
            calling.awaitEachThreadCalls(10_000);
            alternatives.get(1).stop();
            served.add(servingBundle(tracker));
            calling.awaitEachThreadCalls(10_000);
            alternatives.get(2).stop();
            served.add(servingBundle(tracker));
            calling.awaitEachThreadCalls(10_000);
        } finally {
            calling.stop();
        }
        assertEquals("ranking 5 and the lower bundle id, ranking 5 and the higher one, ranking 1; never the"
                + " unauthorised ranking 10", List.of(HIGH_FIRST, HIGH_SECOND, LOW), served);
        calling.assertEveryThreadCalledWithoutFailure();
        assertEquals("the count is exactly the acknowledged increments", calling.acknowledged(), counter.get());
        assertEquals(AlternativeCounterRep.NAME, counter.implementation());
        assertEquals(3L, tracker.getServiceReference().getProperty("swapline.swap.count"));

        long count = counter.get();
        alternatives.get(0).stop(); // only the unauthorised one is left: the object waits
        assertEquals("no allowed implementation left: waiting, not the unauthorised bundle", Boolean.TRUE,
                tracker.getServiceReference().getProperty("swapline.waiting"));
        alternatives.get(0).start(); // the next allowed implementation takes the kept state
        assertEquals(Boolean.FALSE, tracker.getServiceReference().getProperty("swapline.waiting"));
        assertEquals(LOW, servingBundle(tracker));
        assertEquals("the kept state", count, counter.get());
        tracker.close();
    }

    private static String servingBundle(ServiceTracker<Counter, Counter> tracker) {
        return (String) tracker.getServiceReference().getProperty("swapline.implementation.bundle");
    }
}
