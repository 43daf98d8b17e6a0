package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.streamBundle;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

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
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.util.tracker.ServiceTracker;

import io.swapline.itests.relay.Relay;
import io.swapline.itests.relay.Relays;
import io.swapline.itests.relay.impl.RelayA;
import io.swapline.itests.relay.impl.RelayB;
import io.swapline.itests.relay.impl.RelayRep;
import io.swapline.itests.relay.impl.RelayRoot;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * Two clustered objects that call each other — {@code relay.a}'s implementation calls
 * {@code relay.b}, whose implementation calls {@code relay.a}, down to a depth — under 4 client
 * threads calling both, and {@code Bundle.update} of both implementation bundles at the same
 * moment from two threads (a barrier), 8 times in a row to a new revision each time. Every
 * update is a completed swap, no call fails, every answer is the right path, and each object's
 * visit count is exactly the visits the clients' answers acknowledged.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MutualCallsUpdateIT extends Bounded {

    private static final String RELAY_API = "io.swapline.itests.relay";
    private static final String BUNDLE_A = "io.swapline.itests.relay.a";
    private static final String BUNDLE_B = "io.swapline.itests.relay.b";
    private static final int THREADS = 4;
    private static final int MAX_DEPTH = 6;
    private static final int ROUNDS = 8;
    private static final long CALLS_BETWEEN_UPDATES = 5_000;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(),
                streamBundle(new ByteArrayInputStream(TestBundles.exporting(RELAY_API, "1.0.0", Relay.class, Relays.class))),
                streamBundle(new ByteArrayInputStream(relayA("1.0.0"))),
                streamBundle(new ByteArrayInputStream(relayB("1.0.0"))));
    }

    /** The probe carries a copy of the relay package; it must use the API bundle's instead. */
    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return probe.setHeader(Constants.IMPORT_PACKAGE, RELAY_API + ";version=\"[1,2)\"");
    }

    private static byte[] relayA(String version) {
        return TestBundles.implementation(BUNDLE_A, version, "relay.a", Relay.class, 0,
                RelayA.class, RelayRoot.class, RelayRep.class);
    }

    private static byte[] relayB(String version) {
        return TestBundles.implementation(BUNDLE_B, version, "relay.b", Relay.class, 0,
                RelayB.class, RelayRoot.class, RelayRep.class);
    }

    @Test
    public void bothUpdatedAtOnceUnderMutualCallsAreSwapsWithNoFailedCallAndExactState() throws Exception {
        ServiceTracker<Relay, Relay> trackerA = track("relay.a");
        ServiceTracker<Relay, Relay> trackerB = track("relay.b");
        Object idA = trackerA.getServiceReference().getProperty(Constants.SERVICE_ID);
        Object idB = trackerB.getServiceReference().getProperty(Constants.SERVICE_ID);
        Relay a = trackerA.getService();
        Relay b = trackerB.getService();
        Relays.set(a, b);
        assertEquals("ABABA", a.relay(4));
        assertEquals("BA", b.relay(1));
        long warmUpA = 4;
        long warmUpB = 3;
        Bundle bundleA = Installed.bundle(context, BUNDLE_A);
        Bundle bundleB = Installed.bundle(context, BUNDLE_B);

        RelayAnswers answers = new RelayAnswers();
        CallingThreads clients = CallingThreads.start("relay-client", THREADS, (thread, number) -> answers.call(a, b, thread + number));
        ExecutorService updaters = Executors.newFixedThreadPool(2);
        try {
            clients.awaitEachThreadCalls(CALLS_BETWEEN_UPDATES);
            for (int round = 1; round <= ROUNDS; round++) {
                String version = (round + 1) + ".0.0";
                CyclicBarrier together = new CyclicBarrier(2);
                Future<?> updateA = updaters.submit(() -> update(bundleA, relayA(version), together));
                Future<?> updateB = updaters.submit(() -> update(bundleB, relayB(version), together));
                updateA.get(30, TimeUnit.SECONDS);
                updateB.get(30, TimeUnit.SECONDS);
                // The count counts completed swaps only (a rolled-back one is recorded, not counted).
                for (ServiceTracker<Relay, Relay> tracker : List.of(trackerA, trackerB)) {
                    ServiceReference<Relay> reference = tracker.getServiceReference();
                    assertEquals("round " + round + ": " + reference.getProperty("swapline.object") + " swapped",
                            (long) round, reference.getProperty("swapline.swap.count"));
                    assertEquals(version, reference.getProperty("swapline.implementation.version"));
                }
                assertEquals(new Version(version), bundleA.getVersion());
                assertEquals(new Version(version), bundleB.getVersion());
                clients.awaitEachThreadCalls(CALLS_BETWEEN_UPDATES);
            }
        } finally {
            clients.stop();
            updaters.shutdownNow();
        }
        System.out.println("MutualCallsUpdateIT: " + clients.acknowledged() + " calls, visits A " + answers.visitsA.sum()
                + ", B " + answers.visitsB.sum());

        clients.assertEveryThreadCalledWithoutFailure();
        assertEquals("wrong answers (first: " + answers.firstWrongAnswer.get() + ")", 0, answers.wrongAnswers.sum());
        assertEquals("relay.a's visits are exactly the acknowledged ones", warmUpA + answers.visitsA.sum(), a.visits());
        assertEquals("relay.b's visits are exactly the acknowledged ones", warmUpB + answers.visitsB.sum(), b.visits());
        assertEquals("the same registration", idA, trackerA.getServiceReference().getProperty(Constants.SERVICE_ID));
        assertEquals("the same registration", idB, trackerB.getServiceReference().getProperty(Constants.SERVICE_ID));
        assertEquals(1, trackerA.getServiceReferences().length);
        assertEquals(1, trackerB.getServiceReferences().length);
        assertTrue(bundleA.getState() == Bundle.ACTIVE && bundleB.getState() == Bundle.ACTIVE);
        trackerA.close();
        trackerB.close();
    }

    private ServiceTracker<Relay, Relay> track(String objectName) throws Exception {
        ServiceTracker<Relay, Relay> tracker = new ServiceTracker<>(context, context.createFilter(
                "(&(" + Constants.OBJECTCLASS + "=" + Relay.class.getName() + ")(swapline.object=" + objectName + "))"),
                null);
        tracker.open();
        if (tracker.waitForService(TimeUnit.SECONDS.toMillis(10)) == null) {
            throw new AssertionError("no service for " + objectName + " within 10 s");
        }
        return tracker;
    }

    private static Void update(Bundle bundle, byte[] jar, CyclicBarrier together) throws Exception {
        together.await(10, TimeUnit.SECONDS);
        bundle.update(new ByteArrayInputStream(jar));
        return null;
    }

    /** The expected answer: {@code depth + 1} letters, alternating, starting with {@code first}. */
    static String path(char first, int depth) {
        StringBuilder path = new StringBuilder(depth + 1);
        for (int i = 0; i <= depth; i++) {
            path.append(i % 2 == 0 ? first : (first == 'A' ? 'B' : 'A'));
        }
        return path.toString();
    }

    /** Checks each answer and counts the visits it acknowledges; calls both objects at depths 0..MAX_DEPTH. */
    private static final class RelayAnswers {
        private final LongAdder visitsA = new LongAdder();
        private final LongAdder visitsB = new LongAdder();
        private final LongAdder wrongAnswers = new LongAdder();
        private final AtomicReference<String> firstWrongAnswer = new AtomicReference<>();

        void call(Relay a, Relay b, long n) {
            char first = n % 2 == 0 ? 'A' : 'B';
            int depth = (int) (n % (MAX_DEPTH + 1));
            String expected = path(first, depth);
            String answer = (first == 'A' ? a : b).relay(depth);
            if (!expected.equals(answer)) {
                wrongAnswers.increment();
                firstWrongAnswer.compareAndSet(null, "expected " + expected + ", got " + answer);
            }
            long countA = answer.chars().filter(c -> c == 'A').count();
            visitsA.add(countA);
            visitsB.add(answer.length() - countA);
        }
    }
}
