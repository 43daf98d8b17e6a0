package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.streamBundle;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import io.swapline.examples.counter.Counter;
import io.swapline.itests.info.CountingCounter;
import io.swapline.itests.info.FlakyCounter;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * {@code swapline:info} makes no root (a root is made only to serve) yet shows the serving
 * implementation's protocols, and the object's rep failures. Fixtures of
 * {@code io.swapline.itests.info}, packaged at run time: the {@code counter} object is served by
 * a {@link CountingCounter} whose every instance registers a service.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellInfoIT extends Bounded {

    static final String COUNTING = "io.swapline.itests.info.counting";
    static final String COUNTING_OFFERED = "io.swapline.itests.info.counting.offered";
    static final String FLAKY = "io.swapline.itests.info.flaky";
    private static final long TIMEOUT_MS = 60_000;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), SwaplineOptions.bundleFile("counter.api"), SwaplineOptions.gogo(),
                frameworkProperty("swapline.authorised.counter").value(COUNTING_OFFERED),
                bundle(COUNTING, "counter", 10, CountingCounter.class),
                bundle(COUNTING_OFFERED, "counter", 0, CountingCounter.class),
                bundle(FLAKY, "flaky", 0, FlakyCounter.class));
    }

    private static Option bundle(String symbolicName, String object, int ranking, Class<?> root) {
        return streamBundle(new ByteArrayInputStream(InfoBundles.implementation(symbolicName, object,
                Counter.class.getName(), Integer.toString(ranking), root)));
    }

    /** The services the {@link CountingCounter}s registered: one per instance ever made. */
    private int constructions() throws InvalidSyntaxException {
        ServiceReference<?>[] references = context.getAllServiceReferences(null, "(" + CountingCounter.CONSTRUCTED + "=*)");
        return references == null ? 0 : references.length;
    }

    private ServiceTracker<Counter, Counter> track(String object) throws Exception {
        ServiceTracker<Counter, Counter> tracker = new ServiceTracker<>(context, FrameworkUtil.createFilter(
                "(&(objectClass=" + Counter.class.getName() + ")(swapline.object=" + object + "))"), null);
        tracker.open();
        if (tracker.waitForService(10_000) == null) {
            throw new AssertionError("no '" + object + "' service within 10 s");
        }
        return tracker;
    }

    private static String text(Object lines) {
        return String.join("\n", ((List<?>) lines).stream().map(Object::toString).toList());
    }

    /** Before: each call made a root of every implementation and never destroyed it (three calls, six more services). */
    @Test(timeout = TIMEOUT_MS)
    public void infoConstructsNoRootAndShowsTheServingProtocols() throws Exception {
        ServiceTracker<Counter, Counter> counter = track("counter");
        assertEquals("counting counter", counter.getService().implementation());
        assertEquals("the serving root only", 1, constructions());
        long servingId = Installed.bundle(context, COUNTING).getBundleId();
        try (GogoSession shell = GogoSession.open(context)) {
            String info = "";
            for (int i = 0; i < 3; i++) {
                info = text(shell.execute("swapline:info counter"));
            }
            assertEquals("swapline:info made roots: " + info, 1, constructions());
            assertTrue(info, info.contains("* [" + servingId + "] " + COUNTING + " 1.0.0 " + CountingCounter.class.getName()
                    + " ranking 10 | exports counter-adder-by-reference/1, counter-canonical-count/0 | imports"
                    + " counter-adder-by-reference/1, counter-canonical-count/0"));
            assertTrue(info, info.contains(COUNTING_OFFERED + " 1.0.0 " + CountingCounter.class.getName()
                    + " ranking 0 | protocols not known until it serves"));
        } finally {
            counter.close();
        }
    }

    /** Before: swapline:info did not show them at all. */
    @Test(timeout = TIMEOUT_MS)
    public void infoShowsTheRepFailures() throws Exception {
        assumeTrue("a second slot needs a second CPU", Runtime.getRuntime().availableProcessors() > 1);
        ServiceTracker<Counter, Counter> tracker = track("flaky");
        Counter flaky = tracker.getService();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        try {
            flaky.increment(); // makes the one Rep FlakyCounter makes, for this thread's slot
            for (int i = 0; i < 1_000 && failures.isEmpty(); i++) { // a new thread lands on another slot at random
                Thread caller = new Thread(() -> {
                    try {
                        flaky.increment();
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                });
                caller.start();
                caller.join(10_000);
            }
            assertTrue("no call failed on another slot", !failures.isEmpty());
            assertTrue(failures.toString(), failures.get(0) instanceof IllegalStateException
                    && failures.get(0).getMessage().startsWith(FlakyCounter.MESSAGE));
            try (GogoSession shell = GogoSession.open(context)) {
                List<String> info = new ArrayList<>(((List<?>) shell.execute("swapline:info flaky")).stream()
                        .map(Object::toString).toList());
                int header = info.indexOf("rep failures (calls failed because newRep threw, one line per cause):");
                assertTrue(String.join("\n", info), header > info.indexOf("recent swaps:"));
                String line = info.get(header + 1);
                assertTrue(line, line.startsWith("  " + FlakyCounter.class.getName() + ": " + failures.size()
                        + " call(s) failed, first "));
                assertTrue(line, line.contains(": java.lang.IllegalStateException: " + FlakyCounter.MESSAGE));
                assertTrue(line, line.contains(" at " + FlakyCounter.class.getName() + ".newRep("));
                assertEquals("one cause: " + info, header + 2, info.size());
            }
        } finally {
            tracker.close();
        }
    }
}
