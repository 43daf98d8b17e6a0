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
import java.util.Map;
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

import io.swapline.api.SwapRefusedException;
import io.swapline.examples.counter.Counter;
import io.swapline.itests.info.CountingCounter;
import io.swapline.itests.info.FlakyCounter;
import io.swapline.itests.info.InfoCounterRep;
import io.swapline.itests.info.OwnCopyCounter;
import io.swapline.itests.info.ThrowingCounter;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * {@code swapline:info} makes no root (a root is made only to serve) yet shows the serving
 * implementation's protocols, and its rep failures; a root that cannot be made for a swap is
 * refused with one line naming the bundle, the class and the reason. Fixtures of
 * {@code io.swapline.itests.info}, packaged at run time: the {@code counter} object is served by
 * a {@link CountingCounter} whose every instance registers a service.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellInfoIT {

    static final String COUNTING = "io.swapline.itests.info.counting";
    static final String COUNTING_OFFERED = "io.swapline.itests.info.counting.offered";
    static final String THROWING = "io.swapline.itests.info.throwing";
    static final String OWN_COPY = "io.swapline.itests.info.owncopy";
    static final String NOT_AN_INTERFACE = "io.swapline.itests.info.notaninterface";
    static final String FLAKY = "io.swapline.itests.info.flaky";
    private static final long TIMEOUT_MS = 60_000;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), SwaplineOptions.bundleFile("counter.api"), SwaplineOptions.gogo(),
                frameworkProperty("swapline.authorised.counter").value(String.join(",", COUNTING_OFFERED, THROWING,
                        OWN_COPY, NOT_AN_INTERFACE)),
                bundle(COUNTING, "counter", Counter.class.getName(), 10, CountingCounter.class),
                bundle(COUNTING_OFFERED, "counter", Counter.class.getName(), 0, CountingCounter.class),
                bundle(THROWING, "counter", Counter.class.getName(), 0, ThrowingCounter.class),
                bundle(NOT_AN_INTERFACE, "counter", String.class.getName(), 0, ThrowingCounter.class),
                bundle(FLAKY, "flaky", Counter.class.getName(), 0, FlakyCounter.class),
                streamBundle(new ByteArrayInputStream(TestBundles.bundle(OWN_COPY, "1.0.0", Map.of(
                        "Import-Package", "io.swapline.api;version=\"[0.1,1)\"",
                        "Provide-Capability", capability("counter", Counter.class.getName(), 0, OwnCopyCounter.class)),
                        OwnCopyCounter.class, Counter.class))));
    }

    /** An implementation bundle of {@code root} (with {@link InfoCounterRep}) that imports the counter API. */
    private static Option bundle(String symbolicName, String object, String interfaceName, int ranking, Class<?> root) {
        return streamBundle(new ByteArrayInputStream(TestBundles.bundle(symbolicName, "1.0.0", Map.of(
                "Import-Package", "io.swapline.api;version=\"[0.1,1)\",io.swapline.examples.counter,org.osgi.framework",
                "Provide-Capability", capability(object, interfaceName, ranking, root)), root, InfoCounterRep.class)));
    }

    private static String capability(String object, String interfaceName, int ranking, Class<?> root) {
        return "io.swapline.implementation;class=\"" + root.getName() + "\";object=\"" + object + "\";interface=\""
                + interfaceName + "\";ranking:Long=" + ranking;
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

    /** Before: {@code java.lang.reflect.InvocationTargetException}, the cause's message dropped. */
    @Test(timeout = TIMEOUT_MS)
    public void swapToARootWhoseConstructorThrowsNamesBundleClassAndCause() throws Exception {
        long id = Installed.bundle(context, THROWING).getBundleId();
        try (GogoSession shell = GogoSession.open(context)) {
            Exception e = shell.failure("swapline:swap counter " + THROWING);
            assertTrue(e.toString(), e instanceof SwapRefusedException);
            assertTrue(e.getMessage(), e.getMessage().contains(THROWING + " 1.0.0 [" + id + "] cannot make the root "
                    + ThrowingCounter.class.getName() + " of 'counter': its constructor threw"
                    + " java.lang.IllegalStateException: " + ThrowingCounter.MESSAGE));
        }
    }

    /** Before: {@code it sees another io.swapline.examples.counter.Counter (loaded by <class loader toString>)}. */
    @Test(timeout = TIMEOUT_MS)
    public void swapToABundleWithAnotherInterfaceSaysWhereEachComesFrom() throws Exception {
        long id = Installed.bundle(context, OWN_COPY).getBundleId();
        long apiId = Installed.bundle(context, "io.swapline.examples.counter.api").getBundleId();
        try (GogoSession shell = GogoSession.open(context)) {
            Exception e = shell.failure("swapline:swap counter " + OWN_COPY);
            assertTrue(e.toString(), e instanceof SwapRefusedException);
            assertTrue(e.getMessage(), e.getMessage().contains(OWN_COPY + " 1.0.0 [" + id + "] cannot make the root "
                    + OwnCopyCounter.class.getName() + " of 'counter': it sees another " + Counter.class.getName()
                    + " (from bundle " + OWN_COPY + " 1.0.0 [" + id + "]) than the one clients use (from bundle"
                    + " io.swapline.examples.counter.api "));
            assertTrue(e.getMessage(), e.getMessage().contains(" [" + apiId + "])"));
        }
    }

    /** Before: the same "sees another" line, with a class loader's toString, instead of the reason. */
    @Test(timeout = TIMEOUT_MS)
    public void interfaceAttributeNamingAClassIsOneLineSayingSo() throws Exception {
        long id = Installed.bundle(context, NOT_AN_INTERFACE).getBundleId();
        try (GogoSession shell = GogoSession.open(context)) {
            Exception e = shell.failure("swapline:swap counter " + NOT_AN_INTERFACE);
            assertTrue(e.getMessage(), e.getMessage().contains(NOT_AN_INTERFACE + " 1.0.0 [" + id + "] cannot make the"
                    + " root " + ThrowingCounter.class.getName() + " of 'counter': its interface attribute"
                    + " (@SwappableImplementation type) names java.lang.String, which is a class, not an interface"));
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
