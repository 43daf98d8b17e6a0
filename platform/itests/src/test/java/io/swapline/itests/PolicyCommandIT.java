package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;

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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;

import io.swapline.examples.counter.Counter;
import io.swapline.itests.alternative.AlternativeCounter;
import io.swapline.itests.alternative.AlternativeCounterRep;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * {@code swapline:policy} through Gogo: the list, an object's status with its candidates and what
 * they suit, enable and disable, one line for every bad argument; candidates follow the bundles
 * (the distributed counter leaves the policy when its bundle stops and comes back when it starts).
 * The policy is not enabled by property here: the shell enables it. Also the example client's
 * {@code counter:load}, the demo's load generator.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PolicyCommandIT extends Bounded {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), ExampleBundles.sharedCounter(),
                SwaplineOptions.bundleFile("counter.distributed"), SwaplineOptions.bundleFile("counter.client"),
                SwaplineOptions.gogo(),
                frameworkProperty("swapline.authorised.counter")
                        .value(AutonomicPolicyIT.SHARED + "," + AutonomicPolicyIT.DISTRIBUTED),
                frameworkProperty("swapline.policy.counter.sampling.ms").value("50"));
    }

    @Test
    public void enableShowAndDisable() throws Exception {
        try (GogoSession shell = GogoSession.open(context)) {
            List<?> list = (List<?>) shell.execute("swapline:policy");
            assertEquals("object | policy | serving | last decision", list.get(0));
            assertTrue(list.toString(), list.get(1).toString().startsWith("counter | disabled | "
                    + "io.swapline.examples.counter.shared.SharedCounter (" + AutonomicPolicyIT.SHARED + " 1.0.0) | none"));

            String disabled = text(shell.execute("swapline:policy counter"));
            assertTrue(disabled, disabled.startsWith("counter: autonomic policy disabled"));
            assertTrue(disabled, disabled.contains("* [") && disabled.contains("SharedCounter ranking 0 | suits contention ≤ 1.000"));
            assertTrue(disabled, disabled.contains("DistributedCounter ranking -1 | suits contention ≥ 1.000"));

            String enabled = (String) shell.execute("swapline:policy counter enable");
            assertTrue(enabled, enabled.startsWith("autonomic policy of 'counter' enabled: every 50 ms"));
            assertTrue((String) shell.execute("swapline:policy counter enable"), ((String) shell
                    .execute("swapline:policy counter enable")).contains("already enabled"));
            Installed.await("a first decision", 60, () -> {
                try {
                    return !text(shell.execute("swapline:policy counter")).contains("last decision: none yet");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            String status = text(shell.execute("swapline:policy counter"));
            assertTrue(status, status.startsWith("counter: autonomic policy enabled, every 50 ms, hysteresis 25 %"));
            assertTrue(status, status.contains("last decision: "));
            assertTrue(((List<?>) shell.execute("swapline:policy")).get(1).toString().startsWith("counter | enabled | "));

            assertEquals("autonomic policy of 'counter' disabled", shell.execute("swapline:policy counter disable"));
            assertTrue(text(shell.execute("swapline:policy counter")).startsWith("counter: autonomic policy disabled"));
            assertTrue(((String) shell.execute("swapline:policy counter disable")).contains("is not enabled"));
        }
    }

    @Test
    public void candidatesFollowTheBundles() throws Exception {
        Bundle distributed = Installed.bundle(context, AutonomicPolicyIT.DISTRIBUTED);
        try (GogoSession shell = GogoSession.open(context)) {
            distributed.stop();
            String without = text(shell.execute("swapline:policy counter"));
            assertTrue(without, !without.contains("DistributedCounter"));
            distributed.start();
            String with = text(shell.execute("swapline:policy counter"));
            assertTrue(with, with.contains("DistributedCounter ranking -1 | suits contention ≥ 1.000"));
        }
    }

    @Test
    public void aMalformedSuitsIsRejectedAndChangesNothing() throws Exception {
        String malformed = "io.swapline.itests.counter.malformed";
        Bundle bundle = context.installBundle("test:" + malformed, new ByteArrayInputStream(
                TestBundles.implementation(malformed, "1.0.0", "counter", Counter.class, 5, "contention < 3",
                        AlternativeCounter.class, AlternativeCounterRep.class)));
        bundle.start(); // WARN: ignoring the implementations of …: …AlternativeCounter declares suits="contention < 3", …
        try (GogoSession shell = GogoSession.open(context)) {
            assertEquals(Bundle.ACTIVE, bundle.getState());
            String info = text(shell.execute("swapline:info counter"));
            assertTrue(info, !info.contains(malformed) && !info.contains("REFUSED"));
            String policy = text(shell.execute("swapline:policy counter"));
            assertTrue(policy, !policy.contains(malformed));
        } finally {
            bundle.uninstall();
        }
    }

    @Test
    public void badArgumentsAreOneLine() throws Exception {
        try (GogoSession shell = GogoSession.open(context)) {
            for (String command : List.of("swapline:policy nosuch", "swapline:policy nosuch enable")) {
                Exception e = shell.failure(command);
                assertEquals(command, "no clustered object named 'nosuch'; objects: counter", e.getMessage());
                assertTrue(command, e instanceof IllegalArgumentException);
            }
            Exception action = shell.failure("swapline:policy counter start");
            assertEquals("'start' is not an action of swapline:policy; use enable or disable", action.getMessage());
            shell.failure("swapline:policy counter enable extra"); // Gogo's own message: no such overload
        }
    }

    @Test
    public void counterLoadReportsWhatServedTheLoadAndRefusesBadNumbersInOneLine() throws Exception {
        try (GogoSession shell = GogoSession.open(context)) {
            Installed.await("the counter:load command", 60, () -> { // DS activates it once the counter is there
                try {
                    return context.getServiceReferences((String) null, "(osgi.command.function=load)") != null;
                } catch (InvalidSyntaxException e) {
                    throw new AssertionError(e);
                }
            });
            String report = (String) shell.execute("counter:load 2 1");
            assertTrue(report, report.startsWith("2 threads for 1 s: ") && report.contains(" increments (")
                    && report.contains(" M/s), 0 failed; served by "));
            assertTrue(report, report.contains("counter 1.0")); // shared, or distributed if another test enabled the policy
            Exception e = shell.failure("counter:load 0 1");
            assertEquals("counter:load takes 1 to 64 threads and 1 to 3600 seconds, not 0 and 1", e.getMessage());
        }
    }

    @Test
    public void helpShowsTheDescriptors() throws Exception {
        try (GogoSession shell = GogoSession.open(context)) {
            String help = shell.execute("help swapline:policy") + shell.output();
            assertTrue(help, help.contains("enable or disable an object's autonomic policy"));
            assertTrue(help, help.contains("list the objects' autonomic policies"));
        }
    }

    private static String text(Object lines) {
        return String.join("\n", ((List<?>) lines).stream().map(Object::toString).toList());
    }
}
