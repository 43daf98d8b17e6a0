package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.streamBundle;

import java.io.ByteArrayInputStream;

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
 * An update whose new revision no longer declares the object its old revision served: the
 * object waits for a replacement (as after a stop) instead of serving on from the updated-away
 * revision, and the next implementation of the object takes the kept state.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class UpdateDroppingTheObjectIT extends Bounded {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), SwaplineOptions.bundleFile("counter.api"),
                frameworkProperty("swapline.replacement.timeout.ms").value("5000"),
                streamBundle(new ByteArrayInputStream(ShellCommandsIT.alternativeCounter(ShellCommandsIT.ALTERNATIVE))));
    }

    @Test
    public void updateToARevisionWithoutTheObjectWaitsAndTheNextImplementationGetsTheState() throws Exception {
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        Counter counter = tracker.getService();
        assertEquals(AlternativeCounterRep.NAME, counter.implementation());
        for (int i = 0; i < 100; i++) {
            counter.increment();
        }
        Bundle bundle = Installed.bundle(context, ShellCommandsIT.ALTERNATIVE);

        bundle.update(new ByteArrayInputStream(TestBundles.exporting(ShellCommandsIT.ALTERNATIVE, "2.0.0",
                AlternativeCounter.class, AlternativeCounterRep.class)));
        assertEquals(Boolean.TRUE, tracker.getServiceReference().getProperty("swapline.waiting"));

        bundle.update(new ByteArrayInputStream(ShellCommandsIT.alternativeCounter(ShellCommandsIT.ALTERNATIVE)));
        assertEquals(Boolean.FALSE, tracker.getServiceReference().getProperty("swapline.waiting"));
        assertEquals("the kept state", 100L, counter.get());
        tracker.close();
    }
}
