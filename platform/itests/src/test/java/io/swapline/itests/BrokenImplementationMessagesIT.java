package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.streamBundle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

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

import io.swapline.api.SwapRefusedException;
import io.swapline.examples.counter.Counter;
import io.swapline.itests.info.FlakyCounter;
import io.swapline.itests.info.OwnCopyCounter;
import io.swapline.itests.info.ThrowingCounter;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * A broken implementation is one line naming the bundle, the class and the reason, whether it is
 * refused for a swap ({@code swapline:swap}'s exception) or cannot create its object or is ignored
 * when its bundle starts (the extender's WARN line, read from the log as the framework prints it:
 * slf4j-simple writes to the current {@code System.err}). Fixtures of {@code io.swapline.itests.info};
 * the shared counter serves {@code counter}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BrokenImplementationMessagesIT extends Bounded {

    static final String THROWING = "io.swapline.itests.info.throwing";
    static final String OWN_COPY = "io.swapline.itests.info.owncopy";
    static final String NOT_AN_INTERFACE = "io.swapline.itests.info.notaninterface";
    static final String COUNTER = Counter.class.getName();
    static final String STRING = String.class.getName();
    private static final long TIMEOUT_MS = 60_000;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), ExampleBundles.sharedCounter(), SwaplineOptions.gogo(),
                frameworkProperty("swapline.authorised.counter").value(String.join(",", THROWING, OWN_COPY,
                        NOT_AN_INTERFACE)),
                installed(InfoBundles.implementation(THROWING, "counter", COUNTER, "0", ThrowingCounter.class)),
                installed(InfoBundles.implementation(NOT_AN_INTERFACE, "counter", STRING, "0", FlakyCounter.class)),
                installed(TestBundles.bundle(OWN_COPY, "1.0.0", Map.of(
                        "Import-Package", "io.swapline.api;version=\"[0.1,1)\"", // not the counter API: its own copy
                        "Provide-Capability", InfoBundles.capability("counter", COUNTER, "0", OwnCopyCounter.class)),
                        OwnCopyCounter.class, Counter.class)));
    }

    private static Option installed(byte[] jar) {
        return streamBundle(new ByteArrayInputStream(jar));
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

    /** Before: {@code it sees another io.swapline.examples.counter.Counter (loaded by <a class loader's toString>)}. */
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

    /** Before: {@code it sees another java.lang.String (loaded by null), not the one clients use}. */
    @Test(timeout = TIMEOUT_MS)
    public void swapToAnInterfaceAttributeNamingAClassSaysSo() throws Exception {
        long id = Installed.bundle(context, NOT_AN_INTERFACE).getBundleId();
        try (GogoSession shell = GogoSession.open(context)) {
            Exception e = shell.failure("swapline:swap counter " + NOT_AN_INTERFACE);
            assertTrue(e.getMessage(), e.getMessage().contains(NOT_AN_INTERFACE + " 1.0.0 [" + id + "] cannot make the"
                    + " root " + FlakyCounter.class.getName() + " of 'counter': its interface attribute"
                    + " (@SwappableImplementation type) names java.lang.String, which is a class, not an interface"));
        }
    }

    /** Before: {@code cannot create 'broken' from …: java.lang.reflect.InvocationTargetException}. */
    @Test(timeout = TIMEOUT_MS)
    public void objectWhoseRootConstructorThrowsIsOneWarnLineWithTheCause() throws Exception {
        String symbolicName = "io.swapline.itests.info.broken";
        Started started = start(symbolicName, InfoBundles.implementation(symbolicName, "broken", COUNTER, "0",
                ThrowingCounter.class));
        started.assertOneLine("WARN io.swapline.osgi.objects.PublishedObjects - cannot create 'broken': " + symbolicName
                + " 1.0.0 [" + started.id + "] cannot make the root " + ThrowingCounter.class.getName() + " of 'broken':"
                + " its constructor threw java.lang.IllegalStateException: " + ThrowingCounter.MESSAGE);
    }

    /** Before: the runtime's "not an interface" reached the log only as a stack trace. */
    @Test(timeout = TIMEOUT_MS)
    public void objectWhoseInterfaceAttributeNamesAClassIsOneWarnLine() throws Exception {
        String symbolicName = "io.swapline.itests.info.stringy";
        Started started = start(symbolicName, InfoBundles.implementation(symbolicName, "stringy", STRING, "0",
                FlakyCounter.class)); // a root that can be made: only the interface is wrong
        started.assertOneLine("WARN io.swapline.osgi.objects.PublishedObjects - cannot create 'stringy': " + symbolicName
                + " 1.0.0 [" + started.id + "] cannot make the root " + FlakyCounter.class.getName() + " of 'stringy':"
                + " its interface attribute (@SwappableImplementation type) names java.lang.String, which is a class,"
                + " not an interface");
    }

    /** Before: {@code ignoring the implementations of …: For input string: "high"}. */
    @Test(timeout = TIMEOUT_MS)
    public void rankingThatIsNotANumberIsOneWarnLineNamingTheAttribute() throws Exception {
        String symbolicName = "io.swapline.itests.info.ranked";
        Started started = start(symbolicName, InfoBundles.implementation(symbolicName, "ranked", COUNTER, "high",
                ThrowingCounter.class));
        started.assertOneLine("the io.swapline.implementation capability of " + symbolicName + " 1.0.0 ["
                + started.id + "] for " + ThrowingCounter.class.getName() + " has ranking=\"high\", which is not an"
                + " integer");
    }

    /** Installs and starts a bundle (on this thread, so the extender logs on it), capturing {@code System.err}. */
    private Started start(String symbolicName, byte[] jar) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        Bundle bundle;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            bundle = context.installBundle("test:" + symbolicName, new ByteArrayInputStream(jar));
            bundle.start();
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        original.print(log); // still shown with the build's output
        return new Started(bundle.getBundleId(), log);
    }

    private record Started(long id, String log) {

        /** The log has exactly one line that contains {@code expected}, and no stack trace. */
        void assertOneLine(String expected) {
            List<String> lines = log.lines().filter(line -> line.contains(expected)).toList();
            assertEquals(log, 1, lines.size());
            assertFalse(log, log.contains("\tat "));
        }
    }
}
