package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.streamBundle;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.util.tracker.ServiceTracker;

import io.swapline.examples.counter.Counter;
import io.swapline.itests.gate.Gate;
import io.swapline.itests.gated.GatedCounter;
import io.swapline.itests.gated.GatedCounterRep;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * A second swap request on an object waits for the first to end and then runs (operations.md,
 * "Deadlines"): while 3 threads call the counter, one of their increments waits inside the serving
 * gated counter, so a first {@code swapline:swap counter <shared>} (from one thread) is held in its
 * Forward phase; a second {@code swapline:swap counter <gated>} (from another) is issued meanwhile.
 * The second command's thread is seen waiting for a lock that the thread running the first swap's
 * {@code Swap.forward} holds (a thread dump, no sleep), and neither command has returned, while the
 * first is still held; once the call is let go, the first completes, then the second:
 * both records COMPLETE, in that order in {@code swapline:history}, the second requested after the
 * first's Forward phase ended, and the count is exact.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecondSwapWaitsForTheFirstIT extends Bounded {

    private static final String GATE = "io.swapline.itests.gate";
    private static final String GATED = "io.swapline.itests.counter.gated";
    private static final long CALLS_PER_THREAD = 10_000;
    /** The Forward phase's time in a swap record. */
    private static final Pattern FORWARD_TIME = Pattern.compile(" forward=(\\d+)us");

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), SwaplineOptions.bundleFile("counter.api"), SwaplineOptions.gogo(),
                frameworkProperty("swapline.authorised.counter").value(ShellCommandsIT.SHARED + ", " + GATED),
                streamBundle(new ByteArrayInputStream(TestBundles.exporting(GATE, "1.0.0", Gate.class))),
                streamBundle(new ByteArrayInputStream(TestBundles.implementationImporting(GATED, "1.0.0", "counter",
                        Counter.class, 0, null, GATE + ";version=\"[1,2)\"", GatedCounter.class, GatedCounterRep.class))));
    }

    /** The probe carries a copy of the gate; it must use the gate bundle's, as the gated counter does. */
    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return probe.setHeader(Constants.IMPORT_PACKAGE, GATE + ";version=\"[1,2)\"");
    }

    @Test
    public void aSecondSwapRequestWaitsWhileTheFirstIsHeldInItsForwardPhaseAndRunsAfterIt() throws Exception {
        // Unguarded until now: a second request could run beside the first, fail, or return before it.
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        Counter counter = tracker.getService();
        assertEquals(GatedCounter.NAME, counter.implementation());
        Bundle shared = context.installBundle(ExampleBundles.jar("counter.shared").toURI().toString());
        shared.start();
        Gate call = Gate.named(GatedCounter.CALL_GATE);
        CallingThreads calling = CallingThreads.start(counter, 3);
        String first;
        String second;
        try {
            calling.awaitEachThreadCalls(CALLS_PER_THREAD);
            call.arm();
            assertTrue("one increment waits inside the serving implementation", call.awaitEntered(30));
            FutureTask<String> firstSwap = swap("swapline:swap counter " + ShellCommandsIT.SHARED);
            FutureTask<String> secondSwap = swap("swapline:swap counter " + GATED);
            start(firstSwap, "operator-1");
            Thread secondOperator;
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            try {
                // Gogo runs each command on a thread of its own: find the swaps by their frames.
                Installed.await("the first swap in its Forward phase, waiting for the held call", 30,
                        () -> firstSwap.isDone() || swapInForward(threads) != null);
                if (firstSwap.isDone()) {
                    fail("the first swap returned before its Forward phase: " + outcome(firstSwap));
                }
                long firstThread = swapInForward(threads).getThreadId();
                secondOperator = start(secondSwap, "operator-2");
                Installed.await("the second swap command waiting for a lock of the first swap's thread", 30, () -> {
                    return secondSwap.isDone() || swapCommandWaitingFor(threads, firstThread) != null;
                });
                if (secondSwap.isDone()) {
                    fail("the second swap returned while the first was held: " + outcome(secondSwap));
                }
                ThreadInfo waiting = swapCommandWaitingFor(threads, firstThread);
                System.out.println("SecondSwapWaitsForTheFirstIT: the second swap's thread '" + waiting.getThreadName() + "' "
                        + waiting.getThreadState() + " on " + waiting.getLockName() + " owned by '" + waiting.getLockOwnerName()
                        + "', which is in Swap.forward");
                ThreadInfo held = swapInForward(threads);
                assertTrue("the first swap is still held in its Forward phase", held != null && held.getThreadId() == firstThread);
                assertFalse("the first swap returned while its Forward phase was held", firstSwap.isDone());
                assertFalse("the second swap returned while the first was held", secondSwap.isDone());
            } finally {
                call.open(); // the held increment ends: the first swap's Forward phase can end
            }
            first = firstSwap.get(60, TimeUnit.SECONDS);
            second = secondSwap.get(60, TimeUnit.SECONDS);
            secondOperator.join(TimeUnit.SECONDS.toMillis(30));
            calling.awaitEachThreadCalls(CALLS_PER_THREAD);
        } finally {
            calling.stop();
        }
        System.out.println("SecondSwapWaitsForTheFirstIT: " + first + " | " + second + "; " + calling.perThread());
        calling.assertEveryThreadCalledWithoutFailure();
        assertEquals("the count is exactly the acknowledged increments", calling.acknowledged(), counter.get());
        assertTrue(first, first.startsWith("counter: " + GatedCounter.class.getName() + " -> ") && first.contains(" [COMPLETE] "));
        assertTrue(second, second.startsWith("counter: ") && second.contains(" -> " + GatedCounter.class.getName() + " [COMPLETE] "));
        SwapOverlap overlap = SwapOverlap.of("counter");
        overlap.add(first);
        overlap.add(second);
        assertTrue("the other callers' calls were forwarded while the first swap was held: " + first,
                Long.parseLong(first.replaceAll(".* forwarded=(\\d+) .*", "$1")) > 0);
        assertEquals("the second swap ran last", GatedCounter.NAME, counter.implementation());
        assertEquals(GATED, tracker.getServiceReference().getProperty("swapline.implementation.bundle"));
        assertEquals(2L, tracker.getServiceReference().getProperty("swapline.swap.count"));
        try (GogoSession shell = GogoSession.open(context)) {
            List<String> history = ((List<?>) shell.execute("swapline:history counter")).stream()
                    .map(Object::toString).toList();
            assertEquals(history.toString(), 2, history.size());
            assertTrue("the first swap's record first: " + history, history.get(0).endsWith(" " + first));
            assertTrue("the second swap's record second: " + history, history.get(1).endsWith(" " + second));
            Instant firstRequested = Instant.parse(history.get(0).substring(0, history.get(0).indexOf(' ')));
            Instant secondRequested = Instant.parse(history.get(1).substring(0, history.get(1).indexOf(' ')));
            Matcher forward = FORWARD_TIME.matcher(first);
            assertTrue(first, forward.find());
            Instant firstForwardEnded = firstRequested.plus(Duration.ofNanos(
                    TimeUnit.MICROSECONDS.toNanos(Long.parseLong(forward.group(1)))));
            assertTrue("the second swap began after the first's Forward phase ended: " + history,
                    !secondRequested.isBefore(firstForwardEnded));
        }
        tracker.close();
    }

    /** A swap command on a thread of its own, returning the record the command returns. */
    private FutureTask<String> swap(String commandLine) {
        return new FutureTask<>(() -> {
            try (GogoSession operator = GogoSession.open(context)) {
                return (String) operator.execute(commandLine);
            }
        });
    }

    /** What a finished swap command returned or threw, for a failure message (waits if it is not finished). */
    private static String outcome(FutureTask<String> swap) {
        try {
            return swap.get();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static Thread start(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true); // a hung swap must not keep the test JVM alive
        thread.start();
        return thread;
    }

    /**
     * The thread running a swap's Forward phase, if any: the core's {@code Swap.forward} is on its
     * stack (the phase waits there for the calls older than the swap, here the held increment).
     */
    private static ThreadInfo swapInForward(ThreadMXBean threads) {
        for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
            if (Arrays.stream(info.getStackTrace()).anyMatch(frame -> frame.getClassName().equals("io.swapline.core.swap.Swap")
                    && frame.getMethodName().equals("forward"))) {
                return info;
            }
        }
        return null;
    }

    /**
     * A thread running a {@code swapline:swap} command ({@code SwaplineCommands.swap} on its stack)
     * that waits for a lock the thread {@code owner} holds, if any.
     */
    private static ThreadInfo swapCommandWaitingFor(ThreadMXBean threads, long owner) {
        for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
            if (info.getThreadId() != owner && info.getLockOwnerId() == owner
                    && info.getThreadState() != Thread.State.RUNNABLE
                    && Arrays.stream(info.getStackTrace()).anyMatch(frame ->
                            frame.getClassName().equals("io.swapline.osgi.shell.SwaplineCommands")
                                    && frame.getMethodName().equals("swap"))) {
                return info;
            }
        }
        return null;
    }
}
