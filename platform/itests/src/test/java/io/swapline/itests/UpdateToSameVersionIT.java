package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.FileInputStream;
import java.io.InputStream;
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
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.util.tracker.ServiceTracker;

import io.swapline.examples.counter.Counter;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * Updating a bundle to a jar of the same version (Gogo's {@code update <id>} without a URL
 * re-reads the same jar) is a swap too, and the holder then holds the new revision, not the
 * removal-pending old one of the same version — otherwise the next update would find the
 * serving revision unheld and Felix would dispose of its class loader at once.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class UpdateToSameVersionIT extends Bounded {

    private static final long CALLS_PER_THREAD = 10_000;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), ExampleBundles.sharedCounter());
    }

    @Test
    public void repeatedSameVersionUpdatesUnderLoadAreSwapsAndHoldTheCurrentRevision() throws Exception {
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        Counter counter = tracker.getService();
        Bundle shared = Installed.bundle(context, "io.swapline.examples.counter.shared");
        CallingThreads calling = CallingThreads.start(counter, 4);
        try {
            calling.awaitEachThreadCalls(CALLS_PER_THREAD);
            for (int update = 1; update <= 3; update++) {
                try (InputStream v1 = new FileInputStream(ExampleBundles.jar("counter.shared"))) {
                    shared.update(v1);
                }
                assertEquals("update " + update + ": the holder holds the current revision",
                        List.of(shared.adapt(BundleRevision.class)), holdersOf(shared));
                calling.awaitEachThreadCalls(CALLS_PER_THREAD);
            }
        } finally {
            calling.stop();
        }
        calling.assertEveryThreadCalledWithoutFailure();
        assertEquals(calling.acknowledged(), counter.get());
        assertEquals(3L, tracker.getServiceReference().getProperty("swapline.swap.count"));
        assertEquals("shared counter 1.0", counter.implementation());
        tracker.close();
    }

    /** The revisions of {@code bundle} that holder bundles are wired to. */
    private List<BundleRevision> holdersOf(Bundle bundle) {
        return List.of(context.getBundles()).stream()
                .filter(b -> b.getLocation().startsWith("swapline-holder:"))
                .map(b -> b.adapt(BundleWiring.class))
                .filter(wiring -> wiring != null)
                .flatMap(wiring -> wiring.getRequiredWires(BundleNamespace.BUNDLE_NAMESPACE).stream())
                .map(BundleWire::getProvider)
                .filter(revision -> revision.getBundle().equals(bundle))
                .toList();
    }
}
