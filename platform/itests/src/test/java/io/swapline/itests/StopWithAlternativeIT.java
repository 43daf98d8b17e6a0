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
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

import io.swapline.examples.counter.Counter;
import io.swapline.itests.alternative.AlternativeCounterRep;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * Uninstalling the bundle that serves {@code counter} while another allowed bundle offers an
 * implementation: the object is swapped to it on the uninstalling thread, under load, with no
 * failed call and the exact count.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StopWithAlternativeIT extends Bounded {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), ExampleBundles.sharedCounter(),
                frameworkProperty("swapline.authorised.counter").value(ShellCommandsIT.ALTERNATIVE),
                streamBundle(new ByteArrayInputStream(ShellCommandsIT.alternativeCounter(ShellCommandsIT.ALTERNATIVE))));
    }

    @Test
    public void uninstallSwapsToTheActiveAlternativeUnderLoad() throws Exception {
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        Counter counter = tracker.getService();
        CallingThreads calling = CallingThreads.start(counter, 4);
        try {
            calling.awaitEachThreadCalls(20_000);
            Installed.bundle(context, ShellCommandsIT.SHARED).uninstall();
            assertEquals(AlternativeCounterRep.NAME, counter.implementation());
            calling.awaitEachThreadCalls(20_000);
        } finally {
            calling.stop();
        }
        calling.assertEveryThreadCalledWithoutFailure();
        assertEquals(calling.acknowledged(), counter.get());
        assertEquals(ShellCommandsIT.ALTERNATIVE, tracker.getServiceReference().getProperty("swapline.implementation.bundle"));
        assertEquals(1L, tracker.getServiceReference().getProperty("swapline.swap.count"));
        tracker.close();
    }
}
