package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.streamBundle;

import java.io.ByteArrayInputStream;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

import io.swapline.examples.counter.Counter;
import io.swapline.itests.alternative.AlternativeCounterRep;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * A swap asked for from the shell installs and uninstalls its revision holders (Felix bundle
 * operations, which wait for Felix's global lock) without holding the extender's lock. Holding it
 * there deadlocked against a concurrent {@code update}: the updating thread holds its bundle's
 * lock while its bundle event waits for the extender's lock, and the global lock waits for every
 * bundle lock. {@link ExtenderLockProbe} checks the lock at each holder event; on the code that
 * held it, both sightings read "held". The autonomic path: {@link AutonomicPolicyIT}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HolderOperationsOutsideTheExtenderLockIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), ExampleBundles.sharedCounter(), SwaplineOptions.gogo(),
                frameworkProperty("swapline.authorised.counter")
                        .value(ShellCommandsIT.ALTERNATIVE + ", " + ShellCommandsIT.SHARED),
                streamBundle(new ByteArrayInputStream(ShellCommandsIT.alternativeCounter(ShellCommandsIT.ALTERNATIVE))));
    }

    @Test
    public void theExtendersLockIsFreeWhileAShellSwapInstallsAndUninstallsHolders() throws Exception {
        Counter counter = Installed.track(context, Counter.class).getService();
        String swapped;
        List<String> sightings;
        try (ExtenderLockProbe probe = ExtenderLockProbe.watch(context); GogoSession shell = GogoSession.open(context)) {
            swapped = (String) shell.execute("swapline:swap counter " + ShellCommandsIT.ALTERNATIVE);
            sightings = probe.awaitSightings(2);
        }

        assertTrue(swapped, swapped.contains("[COMPLETE]"));
        assertEquals(AlternativeCounterRep.NAME, counter.implementation());
        assertEquals("the new revision's holder installed, the old one's uninstalled, each with the lock free",
                List.of("INSTALLED: free", "UNINSTALLED: free"), sightings);
    }
}
