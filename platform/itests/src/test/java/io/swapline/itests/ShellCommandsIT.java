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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

import io.swapline.api.SwapRefusedException;
import io.swapline.examples.counter.Counter;
import io.swapline.itests.alternative.AlternativeCounter;
import io.swapline.itests.alternative.AlternativeCounterRep;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * The {@code swapline:*} commands through Gogo's {@code CommandProcessor}: their output, and
 * one clear line (an exception with a one-line message, nothing printed) for every bad argument;
 * an implementation from a bundle that is not authorised for the object is refused, shown as
 * refused, cannot be swapped in by command, and the object keeps serving.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellCommandsIT extends Bounded {

    static final String SHARED = "io.swapline.examples.counter.shared";
    static final String ALTERNATIVE = "io.swapline.itests.counter.alternative";
    static final String INTRUDER = "io.swapline.itests.counter.intruder";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), ExampleBundles.sharedCounter(), SwaplineOptions.gogo(),
                frameworkProperty("swapline.authorised.counter").value(ALTERNATIVE),
                streamBundle(new ByteArrayInputStream(alternativeCounter(ALTERNATIVE))),
                streamBundle(new ByteArrayInputStream(alternativeCounter(INTRUDER))));
    }

    /** A bundle with this symbolic name that offers {@link AlternativeCounter} for {@code counter}. */
    static byte[] alternativeCounter(String symbolicName) {
        return TestBundles.implementation(symbolicName, "1.0.0", "counter", Counter.class, 0,
                AlternativeCounter.class, AlternativeCounterRep.class);
    }

    @Test
    public void listInfoAndHistoryDescribeTheObject() throws Exception {
        long sharedId = Installed.bundle(context, SHARED).getBundleId();
        try (GogoSession shell = GogoSession.open(context)) {
            List<?> list = (List<?>) shell.execute("swapline:list");
            assertEquals("object | interface | implementation bundle | kind | slots | swaps", list.get(0));
            assertTrue(list.toString(), list.get(1).toString().startsWith(
                    "counter | io.swapline.examples.counter.Counter | " + SHARED + " 1.0.0 | SHARED | "));

            List<?> info = (List<?>) shell.execute("swapline:info counter");
            String text = String.join("\n", info.stream().map(Object::toString).toList());
            assertTrue(text, text.contains("* [" + sharedId + "] " + SHARED + " 1.0.0 "
                    + "io.swapline.examples.counter.shared.SharedCounter ranking 0 | exports counter-cell-by-reference/2,"
                    + " counter-canonical-count/0 | imports counter-cell-by-reference/2, counter-canonical-count/0"));
            assertTrue(text, info.stream().anyMatch(line -> line.toString().startsWith("  [")
                    && line.toString().contains(ALTERNATIVE) && !line.toString().contains("REFUSED")));

            List<?> history = (List<?>) shell.execute("swapline:history");
            assertTrue("the intruder's refusal at its start: " + history, history.stream().anyMatch(
                    line -> line.toString().contains(INTRUDER) && line.toString().contains("[REFUSED: ")));
            assertTrue(history.toString(), history.stream().noneMatch(line -> line.toString().contains("[COMPLETE]")));
        }
    }

    @Test
    public void helpShowsTheDescriptors() throws Exception {
        try (GogoSession shell = GogoSession.open(context)) {
            String help = shell.execute("help swapline:swap") + shell.output(); // gosh's help returns the text
            assertTrue(help, help.contains("swap - swap an object to another implementation now"));
            assertTrue(help, help.contains("the object's name, as swapline:list shows it"));
        }
    }

    @Test
    public void unknownObjectIsOneLineNamingIt() throws Exception {
        try (GogoSession shell = GogoSession.open(context)) {
            for (String command : List.of("swapline:info nosuch", "swapline:history nosuch",
                    "swapline:swap nosuch " + ALTERNATIVE)) {
                Exception e = shell.failure(command);
                assertEquals(command, "no clustered object named 'nosuch'; objects: counter", e.getMessage());
                assertTrue(command, e instanceof IllegalArgumentException);
            }
        }
    }

    @Test
    public void unknownOrAmbiguousImplementationIsOneLineListingTheCandidates() throws Exception {
        try (GogoSession shell = GogoSession.open(context)) {
            String unknown = shell.failure("swapline:swap counter nosuch").getMessage();
            assertTrue(unknown, unknown.startsWith("no active implementation of 'counter' matches 'nosuch'; offered: "));
            assertTrue(unknown, unknown.contains(SHARED) && unknown.contains(ALTERNATIVE) && unknown.contains(INTRUDER));

            String ambiguous = shell.failure("swapline:swap counter AlternativeCounter").getMessage();
            assertTrue(ambiguous, ambiguous.startsWith("'AlternativeCounter' is ambiguous for 'counter', name one by"
                    + " bundle id or class: "));
            assertTrue(ambiguous, ambiguous.contains(ALTERNATIVE) && ambiguous.contains(INTRUDER));
        }
    }

    /** Before: the messages repeated a 100,000-character argument whole. */
    @Test(timeout = 60_000)
    public void longArgumentsAreCutInTheMessages() throws Exception {
        String huge = "x".repeat(100_000);
        try (GogoSession shell = GogoSession.open(context)) {
            for (String command : List.of("swapline:info " + huge, "swapline:history " + huge,
                    "swapline:swap counter " + huge, "swapline:swap " + huge + " " + ALTERNATIVE,
                    "swapline:policy counter " + huge, "swapline:policy " + huge)) {
                String message = shell.failure(command).getMessage();
                assertTrue(command.substring(0, 20) + ": " + message.length() + " characters", message.length() < 1_000);
                assertTrue(message, message.contains("'" + "x".repeat(80) + "… (100000 characters)'"));
            }
        }
    }

    @Test
    public void missingArgumentsAreOneLine() throws Exception {
        try (GogoSession shell = GogoSession.open(context)) {
            for (String command : List.of("swapline:swap counter", "swapline:swap", "swapline:info",
                    "swapline:list extra", "swapline:history a b")) {
                shell.failure(command); // Gogo's own message, e.g. "Cannot coerce swap(String) to any of [...]"
            }
        }
    }

    @Test
    public void unauthorisedBundleIsRefusedAndTheObjectKeepsServing() throws Exception {
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        Counter counter = tracker.getService();
        Bundle intruder = Installed.bundle(context, INTRUDER);
        assertEquals(Bundle.ACTIVE, intruder.getState());
        try (GogoSession shell = GogoSession.open(context)) {
            List<?> info = (List<?>) shell.execute("swapline:info counter");
            assertTrue(info.toString(), info.stream().anyMatch(line -> line.toString().contains(INTRUDER)
                    && line.toString().contains("REFUSED: " + INTRUDER + " is not authorised for 'counter'")));

            Exception e = shell.failure("swapline:swap counter " + INTRUDER);
            assertTrue(e.toString(), e instanceof SwapRefusedException);
            assertTrue(e.getMessage(), e.getMessage().contains("not authorised"));
            Exception byId = shell.failure("swapline:swap counter " + intruder.getBundleId());
            assertTrue(byId.toString(), byId instanceof SwapRefusedException);

            List<?> history = (List<?>) shell.execute("swapline:history counter");
            assertTrue(history.toString(), history.stream().anyMatch(line -> line.toString().contains(INTRUDER)
                    && line.toString().contains("[REFUSED: ")));
        }
        assertEquals("shared counter 1.0", counter.implementation());
        counter.increment();
        assertEquals(SHARED, tracker.getServiceReference().getProperty("swapline.implementation.bundle"));
        assertEquals(0L, tracker.getServiceReference().getProperty("swapline.swap.count"));
        tracker.close();
    }
}
