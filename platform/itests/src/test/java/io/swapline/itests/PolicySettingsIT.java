package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;

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
import org.osgi.util.tracker.ServiceTracker;

import io.swapline.examples.counter.Counter;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * The policy's framework properties take effect (operations.md, "Autonomic policies"): every
 * setting shows in {@code swapline:policy counter} as configured, and the rate limit binds — with
 * {@code swaps.max=1} in a 10-minute window, the one autonomic swap to the distributed counter under
 * contention is not followed by the swap back when one thread is left: the policy decides "rule
 * rate" and the distributed counter keeps serving, where {@link AutonomicPolicyIT} (no such limit)
 * swaps back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PolicySettingsIT extends Bounded {

    private static final int DEADLINE_SECONDS = 60;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), ExampleBundles.sharedCounter(),
                SwaplineOptions.bundleFile("counter.distributed"), SwaplineOptions.gogo(),
                frameworkProperty("swapline.authorised.counter").value(AutonomicPolicyIT.SHARED + "," + AutonomicPolicyIT.DISTRIBUTED),
                frameworkProperty("swapline.policy.counter").value("enabled"),
                frameworkProperty("swapline.policy.counter.sampling.ms").value("100"),
                frameworkProperty("swapline.policy.counter.hysteresis").value("0.4"),
                frameworkProperty("swapline.policy.counter.dwell.ms").value("300"),
                frameworkProperty("swapline.policy.counter.swaps.max").value("1"),
                frameworkProperty("swapline.policy.counter.swaps.window.ms").value("600000"));
    }

    @Test
    public void theSettingsShowAsConfiguredAndTheRateLimitHoldsTheSecondSwap() throws Exception {
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        Counter counter = tracker.getService();
        try (GogoSession shell = GogoSession.open(context)) {
            String status = text(shell.execute("swapline:policy counter"));
            assertTrue(status, status.startsWith("counter: autonomic policy enabled, every 100 ms, hysteresis 40 %,"
                    + " dwell 300 ms, at most 1 swaps per 600000 ms"));

            CallingThreads remaining = CallingThreads.start(counter, 1);
            CallingThreads load = CallingThreads.start(counter, 4);
            try {
                Installed.await("the autonomic swap to the distributed counter", DEADLINE_SECONDS,
                        () -> counter.implementation().equals("distributed counter 1.0"));
                load.stop();
                Installed.await("a decision held by the rate limit", DEADLINE_SECONDS, () -> lastDecision(shell)
                        .contains("rule rate: ") && lastDecision(shell).contains(
                                " but 1 autonomic swaps in the last 600000 ms is the maximum"));
                assertEquals("the rate limit keeps the distributed counter serving", "distributed counter 1.0",
                        counter.implementation());
            } finally {
                load.stop();
                remaining.stop();
            }
            load.assertEveryThreadCalledWithoutFailure();
            remaining.assertEveryThreadCalledWithoutFailure();
            assertEquals(load.acknowledged() + remaining.acknowledged(), counter.get());
            List<?> history = (List<?>) shell.execute("swapline:history counter");
            assertEquals("one swap: " + history, 1, history.stream().filter(line -> line.toString().contains("[COMPLETE]")).count());
        }
        tracker.close();
    }

    private static String lastDecision(GogoSession shell) {
        try {
            return ((List<?>) shell.execute("swapline:policy")).get(1).toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String text(Object lines) {
        return String.join("\n", ((List<?>) lines).stream().map(Object::toString).toList());
    }
}
