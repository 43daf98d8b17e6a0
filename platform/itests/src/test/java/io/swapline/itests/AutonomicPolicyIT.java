package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.List;

import javax.inject.Inject;

import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.util.tracker.ServiceTracker;

import io.swapline.examples.counter.Counter;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * Nobody swaps: the counter's autonomic policy, enabled by framework property, moves it from the
 * shared counter to the distributed one when five threads increment it flat out, and back when
 * only one is left. Every acknowledged increment is counted once, no call fails, the service is
 * the same all along and its properties follow the serving bundle; {@code swapline:history} says
 * why each of those swaps happened. An operator's swap does not confuse the policy: it samples
 * what serves next and swaps from there. The policy's swaps install and uninstall revision holders
 * with the extender's lock free ({@link ExtenderLockProbe}). Waits are for states, with generous
 * deadlines. Each test counts from what it finds (the count, the history), so neither depends on
 * the other having run first or not; the methods run in name order, the order in which the first
 * one's count used to be wrong (it assumed the count started at 0).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class AutonomicPolicyIT extends Bounded {

    public AutonomicPolicyIT() {
        super(600); // its waits for the policy are up to 120 s each, by design generous
    }

    static final String SHARED = "io.swapline.examples.counter.shared";
    static final String DISTRIBUTED = "io.swapline.examples.counter.distributed";
    private static final int DEADLINE_SECONDS = 120;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), ExampleBundles.sharedCounter(),
                SwaplineOptions.bundleFile("counter.distributed"), SwaplineOptions.gogo(),
                frameworkProperty("swapline.authorised.counter").value(SHARED + "," + DISTRIBUTED),
                frameworkProperty("swapline.policy.counter").value("enabled"),
                frameworkProperty("swapline.policy.counter.sampling.ms").value("100"),
                frameworkProperty("swapline.policy.counter.hysteresis").value("0.5"),
                frameworkProperty("swapline.policy.counter.dwell.ms").value("500"),
                frameworkProperty("swapline.policy.counter.swaps.max").value("20"));
    }

    @Test
    public void loadSwapsTheCounterToDistributedAndOneThreadSwapsItBackWithTheCountExact() throws Exception {
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        Object serviceId = tracker.getServiceReference().getProperty(Constants.SERVICE_ID);
        Counter counter = tracker.getService();
        assertEquals("the shared counter serves (ranked first at creation; the other test ends on it)",
                "shared counter 1.0", counter.implementation());
        long before = counter.get(); // the other test may have run first: its increments are counted
        int autonomicBefore;
        try (GogoSession shell = GogoSession.open(context)) {
            autonomicBefore = autonomicSwaps(shell);
        }
        CallingThreads remaining = CallingThreads.start(counter, 1);
        CallingThreads load = CallingThreads.start(counter, 4);
        List<String> holderSightings;
        try (ExtenderLockProbe probe = ExtenderLockProbe.watch(context); GogoSession shell = GogoSession.open(context)) {
            awaitServing(counter, "distributed counter 1.0", shell);
            awaitServiceProperty(tracker, DISTRIBUTED);
            load.stop();
            awaitServing(counter, "shared counter 1.0", shell);
            awaitServiceProperty(tracker, SHARED);
            remaining.stop();
            holderSightings = probe.awaitSightings(4);

            try { // the policy's thread attaches the reason to the record after the swap and the properties
                Installed.await("two autonomic swaps of this test, with their reasons", DEADLINE_SECONDS,
                        () -> autonomicSwaps(shell) - autonomicBefore >= 2);
            } finally {
                List<?> history = (List<?>) shell.execute("swapline:history counter");
                System.out.println("AutonomicPolicyIT:\n" + String.join("\n", history.stream().map(Object::toString).toList()));
            }
        } finally {
            load.stop();
            remaining.stop();
        }
        load.assertEveryThreadCalledWithoutFailure();
        remaining.assertEveryThreadCalledWithoutFailure();
        assertEquals("every acknowledged increment, once", before + load.acknowledged() + remaining.acknowledged(),
                counter.get());
        assertEquals("the same service all along", serviceId,
                tracker.getServiceReference().getProperty(Constants.SERVICE_ID));
        assertTrue("the policy's swaps install and uninstall holders without the extender's lock: " + holderSightings,
                holderSightings.size() >= 4 && holderSightings.stream().allMatch(line -> line.endsWith(": free")));
        tracker.close();
    }

    @Test
    public void afterAnOperatorsSwapThePolicyGoesOnFromWhatServes() throws Exception {
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        Counter counter = tracker.getService();
        long before = counter.get();
        try (GogoSession shell = GogoSession.open(context)) {
            shell.execute("swapline:swap counter " + DISTRIBUTED); // no load: the policy would not choose it
            assertEquals("distributed counter 1.0", counter.implementation());
            Installed.await("a decision about the distributed counter", DEADLINE_SECONDS, () -> lastDecision(shell)
                    .contains(" hold io.swapline.examples.counter.distributed.DistributedCounter [no signals]:"));

            CallingThreads one = CallingThreads.start(counter, 1); // one thread: no contention
            try {
                awaitServing(counter, "shared counter 1.0", shell);
            } finally {
                one.stop();
            }
            one.assertEveryThreadCalledWithoutFailure();
            assertEquals(before + one.acknowledged(), counter.get());
        }
        tracker.close();
    }

    /** The completed autonomic swaps {@code swapline:history} shows, with their reasons (at most the 32 kept). */
    private static int autonomicSwaps(GogoSession shell) {
        try {
            return (int) ((List<?>) shell.execute("swapline:history counter")).stream()
                    .filter(line -> line.toString().contains("[COMPLETE]")
                            && line.toString().contains("| autonomic: rules leave and enter:")
                            && line.toString().contains("contention="))
                    .count();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String lastDecision(GogoSession shell) {
        try {
            return ((List<?>) shell.execute("swapline:policy")).get(1).toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The extender sets the service's properties right after the swap, on the policy's thread. */
    private static void awaitServiceProperty(ServiceTracker<Counter, Counter> tracker, String bundle) {
        Installed.await("swapline.implementation.bundle=" + bundle, DEADLINE_SECONDS,
                () -> bundle.equals(tracker.getServiceReference().getProperty("swapline.implementation.bundle")));
    }

    /** Waits for the policy to swap by itself; on a missed deadline, says what the policy saw. */
    private static void awaitServing(Counter counter, String implementation, GogoSession shell) throws Exception {
        try {
            Installed.await("'" + implementation + "' serving", DEADLINE_SECONDS,
                    () -> counter.implementation().equals(implementation));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; " + shell.execute("swapline:policy counter"), e);
        }
    }
}
