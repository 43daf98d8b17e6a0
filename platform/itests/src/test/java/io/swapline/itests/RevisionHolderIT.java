package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
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
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

import io.swapline.testing.exam.SwaplineOptions;

/**
 * The holder is what keeps the serving revision's class loader valid through an update: with it,
 * the old wiring still loads classes after {@code update} returns (removal pending); without it
 * (the counterfactual, holder uninstalled by hand), Felix disposes of the old wiring during
 * {@code update} itself. (The swap in the counterfactual still completes, because the shared
 * counter's old object only runs classes it has already loaded; one that loaded a class for the
 * first time between STOPPING and the end of the swap would fail with NoClassDefFoundError.)
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RevisionHolderIT extends Bounded {

    private static final String SHARED = "io.swapline.examples.counter.shared";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), ExampleBundles.sharedCounter());
    }

    @Test
    public void withTheHolderTheOldWiringStillLoadsClassesAfterTheUpdate() throws Exception {
        Bundle shared = Installed.bundle(context, SHARED);
        BundleWiring old = shared.adapt(BundleWiring.class);
        assertEquals("held by one holder", 1, holdersOf(old).size());
        try (InputStream v2 = new FileInputStream(ExampleBundles.jar("counter.shared.v2"))) {
            shared.update(v2);
        }
        assertFalse(old.isCurrent());
        assertNotNull("not disposed: removal pending", old.getClassLoader());
        Class<?> oldRoot = old.getClassLoader().loadClass("io.swapline.examples.counter.shared.SharedCounter");
        assertSame("the old revision's own class, still loadable", old.getClassLoader(), oldRoot.getClassLoader());
        assertEquals("the new revision is held now", 1, holdersOf(shared.adapt(BundleWiring.class)).size());
    }

    @Test
    public void withoutTheHolderFelixDisposesOfTheOldWiringDuringTheUpdate() throws Exception {
        Bundle shared = Installed.bundle(context, SHARED);
        BundleWiring old = shared.adapt(BundleWiring.class);
        List<Bundle> holders = holdersOf(old);
        assertEquals(1, holders.size());
        holders.get(0).uninstall(); // the counterfactual: nothing wired to the serving revision any more
        try (InputStream v1 = new FileInputStream(ExampleBundles.jar("counter.shared"))) {
            shared.update(v1); // 1.0 again, or back from 2.0 if the other test ran first
        }
        assertFalse(old.isInUse());
        assertNull("disposed at once: the live object's class loader is gone", old.getClassLoader());
        assertTrue("the extender held the new revision when it swapped to it",
                holdersOf(shared.adapt(BundleWiring.class)).size() == 1);
    }

    private static List<Bundle> holdersOf(BundleWiring wiring) {
        return wiring.getProvidedWires(BundleNamespace.BUNDLE_NAMESPACE).stream()
                .map(BundleWire::getRequirer)
                .map(revision -> revision.getBundle())
                .filter(bundle -> bundle.getLocation().startsWith("swapline-holder:"))
                .toList();
    }
}
