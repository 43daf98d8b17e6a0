package io.swapline.chaos;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import javax.inject.Inject;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.Timeout;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import io.swapline.api.SwapTimeoutException;
import io.swapline.chaos.HeldCounterClients.CallFailure;
import io.swapline.examples.counter.Counter;

/**
 * A refresh on one thread against a start, stop, update, uninstall or install of an implementation
 * bundle on another, released together, round after round, under 4 clients holding the Counter
 * object. Guards issue 11 item 3: "a {@code refresh} while another thread starts an implementation
 * bundle hung in 11 of 72 rounds" (Felix's refresh thread holds the global lock and waits for the
 * extender's monitor; the starting thread holds that monitor and waits for the global lock to
 * install a revision holder), and "a start refused with 'Cannot acquire global lock' leaves the
 * object waiting".
 *
 * <p>Each round prepares a state (which implementation serves, which is ACTIVE, or the object
 * waiting), then releases both threads at a barrier, with a random skew of up to 2 ms between them.
 * Each operation and the refresh (until Felix reports PACKAGES_REFRESHED) has a deadline of
 * {@code swapline.chaos.stuck.seconds}: the first hang prints a full thread dump (with Felix's global
 * lock owner) and fails the test at once — the JVM's deadlock detector cannot see that lock. After
 * the round: within 10 s the object is served by an ACTIVE implementation whenever one is ACTIVE
 * ({@link CounterPlatform#inconsistency()}), {@code implementation()} matches the service properties,
 * and {@code get()} lies between the acknowledged and the attempted increments. Operations Felix
 * refuses are legitimate and classified. At the end: the count is exact (plus at most the timed-out
 * increments), no call failed except an allowed timeout, and swaps forwarded or blocked calls.
 *
 * <p>{@code -Dswapline.refresh.rounds} sets the rounds; the seed is printed and replayed with
 * {@code -Dswapline.refresh.seed}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RefreshAgainstBundleOperationsIT {

    private static final String NAME = "RefreshAgainstBundleOperationsIT";
    private static final int CLIENTS = 4;
    private static final long ROUNDS = ChaosSettings.number("swapline.refresh.rounds", 40);
    private static final long ALLOWED_WINDOW_NANOS =
            TimeUnit.MILLISECONDS.toNanos(CounterPlatform.REPLACEMENT_TIMEOUT_MS - 300);

    /** What the operating thread does while the refresh runs, and the state it starts from. */
    enum Race {
        /** x served, then stopped (nothing ACTIVE: the object waits); race: start x. */
        START_WHILE_WAITING,
        /** x serves, y stopped; race: start y. */
        START_ALTERNATIVE,
        /** x serves, y ACTIVE; race: stop x (the object swaps to y). */
        STOP_SERVING,
        /** x serves, y ACTIVE; race: stop y. */
        STOP_ALTERNATIVE,
        /** x serves alone; race: stop x (the object waits). */
        STOP_ALONE,
        /** shared serves, distributed ACTIVE or not; race: update shared to its other version. */
        UPDATE_SHARED,
        /** x serves, y ACTIVE; race: uninstall x (the object swaps to y). */
        UNINSTALL_SERVING,
        /** x served, then uninstalled (nothing ACTIVE: the object waits); race: install and start x. */
        INSTALL_WHILE_WAITING
    }

    /** What the refresh covers. */
    enum Refreshed {
        /** {@code refreshBundles(null)}: every removal-pending bundle. */
        PENDING,
        /** The bundle the other thread operates on. */
        SUBJECT,
        /** The other implementation bundle. */
        OTHER,
        /** Both implementation bundles. */
        BOTH
    }

    private record Draw(Race race, boolean distributed, Refreshed refreshed, boolean otherActive, boolean sharedV2,
            int skewMicros) {
        static Draw from(Random random) {
            Race[] races = Race.values();
            Refreshed[] refreshed = Refreshed.values();
            return new Draw(races[random.nextInt(races.length)], random.nextBoolean(),
                    refreshed[random.nextInt(refreshed.length)], random.nextBoolean(), random.nextBoolean(),
                    random.nextInt(4_001) - 2_000);
        }
    }

    @Rule
    public final Timeout timeout = new Timeout(ROUNDS * 5 + 300, TimeUnit.SECONDS);

    @Inject
    private BundleContext context;

    private CounterPlatform platform;
    private Watchdog watchdog;
    private Counter counter;
    private final Watchdog.Activity setupActivity = new Watchdog.Activity();
    private final Classified refused = new Classified();
    private final Map<String, Integer> rounds = new TreeMap<>();
    private final List<String> violations = new ArrayList<>();
    private final SwapHistory history = new SwapHistory();
    private volatile String currentRound = "start";
    private ExecutorService refresher;
    private ExecutorService operator;

    @Configuration
    public Option[] configuration() {
        return CounterPlatform.configuration();
    }

    @Test
    public void refreshOnOneThreadAndBundleOperationsOnAnotherNeverHangAndLeaveAnActiveImplementationServing()
            throws Exception {
        long seed = ChaosSettings.seed("swapline.refresh.seed");
        System.out.println(NAME + ": seed=" + seed + " (replay: -Dswapline.refresh.seed=" + seed + "), " + ROUNDS
                + " rounds, " + CLIENTS + " clients, replacement timeout " + CounterPlatform.REPLACEMENT_TIMEOUT_MS + " ms");
        String where = NAME + " seed=" + seed + " (replay: -Dswapline.refresh.seed=" + seed + "): ";
        platform = new CounterPlatform(context);
        counter = platform.heldCounter();
        watchdog = new Watchdog(NAME + " seed=" + seed, context, ChaosSettings.stuckLimit()).watching(setupActivity);
        refresher = Executors.newSingleThreadExecutor(daemon("refresh-race-refresher"));
        operator = Executors.newSingleThreadExecutor(daemon("refresh-race-operator"));
        // Paced (a 100 us pause every 1,000 calls) so that 2 shared cores leave the bundle operations some time.
        HeldCounterClients clients = HeldCounterClients.start("refresh-race", counter, CLIENTS, () -> currentRound)
                .pacedEvery(1_000, 100);
        watchdog.watching(clients).start();
        Random random = new Random(seed);
        long start = System.nanoTime();
        long played = 0;
        try (ImplementationWindows windows = ImplementationWindows.watch(context, CounterPlatform.IMPLEMENTATIONS);
                Shell shell = new Shell(context)) {
            for (long round = 1; round <= ROUNDS && violations.isEmpty(); round++) {
                round(round, Draw.from(random), clients, shell);
                played = round;
                history.add(onOperator("history", () -> shell.run("swapline:history counter")));
                watchdog.check();
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.println(NAME + ": " + played + " rounds in " + millis + " ms: " + rounds);
            assertTrue(where + "invariant violations:\n" + String.join("\n", violations) + "\nrefused operations:\n"
                    + refused.table(), violations.isEmpty());
            onOperator("final: make an implementation serve", () -> {
                endWait(Draw.from(random));
                if (platform.activeImplementations().isEmpty()) {
                    Bundle shared = platform.find(CounterPlatform.SHARED);
                    (shared == null ? platform.install(CounterPlatform.SHARED, false) : shared).start();
                }
                return null;
            });
            String wrong = platform.awaitConsistent();
            assertTrue(where + "at the end: " + wrong + " | " + platform.describe(), wrong == null);
            long[] targets = clients.targets(1_000);
            awaitProgress(clients, targets);
            List<String> alive = clients.stop(20);
            assertTrue(where + "client threads still in a call 20 s after being stopped: " + alive, alive.isEmpty());
            long value = onOperator("final get()", counter::get);
            String lb = onOperator("lb", () -> shell.run("lb"));
            assertTrue(lb, lb.contains("counter"));
            String list = onOperator("swapline:list", () -> shell.run("swapline:list"));
            assertTrue(list, list.contains("counter | io.swapline.examples.counter.Counter"));
            history.add(onOperator("history", () -> shell.run("swapline:history counter")));
            report(where, played, millis, clients, windows, value);
        } finally {
            watchdog.close();
            clients.stop(1);
            refresher.shutdownNow();
            operator.shutdownNow();
            platform.close();
        }
    }

    private void round(long round, Draw draw, HeldCounterClients clients, Shell shell) throws Exception {
        Race race = draw.race();
        String subject = draw.distributed() && race != Race.UPDATE_SHARED ? CounterPlatform.DISTRIBUTED
                : CounterPlatform.SHARED;
        String other = subject.equals(CounterPlatform.SHARED) ? CounterPlatform.DISTRIBUTED : CounterPlatform.SHARED;
        String label = "round " + round + " " + race + " " + CounterPlatform.shortName(subject) + ", refresh "
                + draw.refreshed() + ", skew " + draw.skewMicros() + " us";
        currentRound = label + " (setup)";
        String precondition = onOperator(label + ": setup", () -> setUp(race, subject, other, draw, shell));
        if (precondition != null) { // Felix refused a setup step, or the extender is already wrong
            String wrong = platform.awaitConsistent();
            if (wrong != null) {
                violations.add(label + ": during setup (" + precondition + "): " + wrong + "\n  last refusal: "
                        + SwapHistory.lastRefusal(onOperator("history", () -> shell.run("swapline:history counter")))
                        + "\n  state: "
                        + platform.describe() + "\n  swapline:info counter:\n" + info(shell));
            }
            rounds.merge(race + ": setup not reached", 1, Integer::sum);
            return;
        }
        List<Bundle> targets = refreshTargets(draw.refreshed(), subject, other);
        CyclicBarrier together = new CyclicBarrier(2);
        currentRound = label + " (race)";
        long raceStart = System.nanoTime();
        Future<String> refresh = refresher.submit(() -> {
            Thread.interrupted();
            together.await();
            skew(-draw.skewMicros());
            CountDownLatch done = platform.refresh(targets);
            if (!done.await(watchdog.limitSeconds(), TimeUnit.SECONDS)) {
                return "HUNG";
            }
            return "refreshed";
        });
        Future<String> operation = operator.submit(() -> {
            Thread.interrupted();
            together.await();
            skew(draw.skewMicros());
            try {
                return race(race, subject, draw);
            } catch (Exception e) { // refused by Felix: legitimate, classified
                refused.add(race + " " + CounterPlatform.shortName(subject) + " during refresh " + draw.refreshed(), e,
                        label);
                return "refused: " + Classified.shape(e);
            } finally {
                Thread.interrupted(); // Felix interrupts a thread it refuses the global lock to
            }
        });
        String refreshOutcome = awaitRound(label, "the refresh of " + draw.refreshed() + " " + describe(targets), refresh,
                raceStart);
        String operationOutcome = awaitRound(label, race + " " + CounterPlatform.shortName(subject), operation,
                raceStart);
        if (refreshOutcome.equals("HUNG")) {
            watchdog.declareStuck(label + ": Felix did not report PACKAGES_REFRESHED within " + watchdog.limitSeconds()
                    + " s (the operation: " + operationOutcome + ")");
        }
        currentRound = label + " (check)";
        rounds.merge(race + ": " + (operationOutcome.startsWith("refused") ? "operation refused" : "done"), 1,
                Integer::sum);
        String wrong = onOperator(label + ": check", () -> settledState(clients));
        if (wrong != null) {
            violations.add(label + ": after the race (refresh " + refreshOutcome + ", operation " + operationOutcome
                    + "): " + wrong + "\n  last refusal: " + SwapHistory.lastRefusal(
                            onOperator("history", () -> shell.run("swapline:history counter"))) + "\n  state: " + platform.describe() + "\n  swapline:info counter:\n" + info(shell));
        }
    }

    /**
     * Brings the bundles to the race's starting state and checks the extender's state there.
     *
     * @return null when the state is reached, else what was refused
     */
    private String setUp(Race race, String subject, String other, Draw draw, Shell shell) throws Exception {
        try {
            endWait(draw);
            // The subject serves before the other stops, so that no wait ends on another implementation.
            switch (race) {
                case START_WHILE_WAITING, INSTALL_WHILE_WAITING, STOP_ALONE -> {
                    ensureServing(subject, shell);
                    ensureStopped(other);
                    if (race != Race.STOP_ALONE) {
                        Bundle bundle = platform.find(subject);
                        if (race == Race.START_WHILE_WAITING) {
                            bundle.stop();
                        } else {
                            bundle.uninstall();
                        }
                    }
                }
                case START_ALTERNATIVE -> {
                    ensureServing(subject, shell);
                    ensureStopped(other);
                    ensureInstalled(other, draw.sharedV2());
                }
                case STOP_SERVING, STOP_ALTERNATIVE, UNINSTALL_SERVING -> {
                    ensureServing(subject, shell);
                    ensureActive(other, draw.sharedV2());
                }
                case UPDATE_SHARED -> {
                    ensureServing(subject, shell);
                    if (draw.otherActive()) {
                        ensureActive(other, false);
                    } else {
                        ensureStopped(other);
                    }
                }
                default -> throw new IllegalStateException(race.toString());
            }
        } catch (Exception e) {
            refused.add("setup of " + race, e, "setup");
            return "setup refused: " + Classified.shape(e);
        }
        String wrong = platform.awaitConsistent();
        if (wrong != null) {
            return wrong;
        }
        boolean shouldWait = race == Race.START_WHILE_WAITING || race == Race.INSTALL_WHILE_WAITING;
        if (shouldWait != platform.waiting()) {
            return "the object " + (shouldWait ? "does not wait" : "waits") + " before the race";
        }
        return null;
    }

    private String info(Shell shell) throws Exception {
        return onOperator("swapline:info counter", () -> shell.run("swapline:info counter"));
    }

    /**
     * A wait left by the previous round ends by starting (or installing) the bundle whose stop made
     * the object wait: the rounds are about refreshes, not about which protocol a kept state is in.
     */
    private void endWait(Draw draw) throws Exception {
        if (platform.waiting()) {
            ensureActive(platform.servingName(), draw.sharedV2());
        }
    }

    private void ensureStopped(String symbolicName) throws Exception {
        Bundle bundle = platform.find(symbolicName);
        if (bundle != null && bundle.getState() == Bundle.ACTIVE) {
            bundle.stop();
        }
    }

    private void ensureInstalled(String symbolicName, boolean sharedV2) throws Exception {
        if (platform.find(symbolicName) == null) {
            platform.install(symbolicName, sharedV2);
        }
    }

    private void ensureActive(String symbolicName, boolean sharedV2) throws Exception {
        ensureInstalled(symbolicName, sharedV2);
        Bundle bundle = platform.find(symbolicName);
        if (bundle.getState() != Bundle.ACTIVE) {
            bundle.start();
        }
    }

    private void ensureServing(String symbolicName, Shell shell) throws Exception {
        ensureActive(symbolicName, false);
        String wrong = platform.awaitConsistent();
        if (wrong != null) {
            throw new IllegalStateException("after starting " + symbolicName + ": " + wrong);
        }
        if (!symbolicName.equals(platform.servingName())) {
            shell.run("swapline:swap counter " + platform.find(symbolicName).getBundleId());
        }
    }

    /** The operating thread's side of the race. */
    private String race(Race race, String subject, Draw draw) throws Exception {
        Bundle bundle = platform.find(subject);
        switch (race) {
            case START_WHILE_WAITING -> bundle.start();
            case START_ALTERNATIVE -> platform.find(otherOf(subject)).start();
            case STOP_SERVING, STOP_ALONE -> bundle.stop();
            case STOP_ALTERNATIVE -> platform.find(otherOf(subject)).stop();
            case UPDATE_SHARED -> {
                return "updated to " + CounterPlatform.updateToOtherVersion(bundle);
            }
            case UNINSTALL_SERVING -> bundle.uninstall();
            case INSTALL_WHILE_WAITING -> platform.install(subject, draw.sharedV2()).start();
            default -> throw new IllegalStateException(race.toString());
        }
        return "done";
    }

    private static String otherOf(String symbolicName) {
        return symbolicName.equals(CounterPlatform.SHARED) ? CounterPlatform.DISTRIBUTED : CounterPlatform.SHARED;
    }

    private List<Bundle> refreshTargets(Refreshed refreshed, String subject, String other) {
        Bundle subjectBundle = platform.find(subject);
        Bundle otherBundle = platform.find(other);
        return switch (refreshed) {
            case PENDING -> null;
            case SUBJECT -> subjectBundle == null ? null : List.of(subjectBundle);
            case OTHER -> otherBundle == null ? null : List.of(otherBundle);
            case BOTH -> platform.installedImplementations();
        };
    }

    private static String describe(List<Bundle> targets) {
        if (targets == null) {
            return "(every removal-pending bundle)";
        }
        List<String> names = new ArrayList<>();
        for (Bundle bundle : targets) {
            names.add(CounterPlatform.shortName(bundle.getSymbolicName()) + " [" + bundle.getBundleId() + "]");
        }
        return names.toString();
    }

    /** A random skew between the two threads after the barrier: part of the race, not a wait. */
    private static void skew(int micros) {
        if (micros > 0) {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(micros));
        }
    }

    /** Waits for one side of the race up to the watchdog's limit from the race's start; a hang fails now. */
    private String awaitRound(String label, String what, Future<String> side, long raceStart) throws Exception {
        long left = TimeUnit.SECONDS.toNanos(watchdog.limitSeconds() + 5) - (System.nanoTime() - raceStart);
        try {
            return side.get(Math.max(left, 1), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            watchdog.declareStuck(label + ": " + what + " did not return within " + watchdog.limitSeconds() + " s");
            throw e;
        } catch (ExecutionException e) {
            throw new AssertionError(label + ": " + what + " failed", e.getCause());
        }
    }

    /** After a round: the promised state within 10 s, implementation() agrees, get() within bounds. */
    private String settledState(HeldCounterClients clients) {
        String wrong = platform.awaitConsistent();
        if (wrong != null) {
            return wrong;
        }
        String expected = platform.expectedImplementation();
        if (expected == null) {
            return null; // waits, with nothing ACTIVE: consistent
        }
        String actual = counter.implementation();
        if (!expected.equals(actual)) {
            return "implementation() says '" + actual + "' but the service properties say '" + expected + "'";
        }
        long lower = clients.acknowledged();
        long value = counter.get();
        long upper = clients.attempted();
        if (value < lower || value > upper) {
            return "get() returned " + value + ", outside [" + lower + ", " + upper + "] (acknowledged before, attempted after)";
        }
        return null;
    }

    /** Runs a step on the operating thread under the deadline of the watchdog. */
    private <T> T onOperator(String label, Callable<T> body) throws Exception {
        setupActivity.begin(label);
        try {
            Future<T> result = operator.submit(() -> {
                try {
                    return body.call();
                } finally {
                    Thread.interrupted();
                }
            });
            try {
                return result.get(watchdog.limitSeconds() + 5, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                watchdog.declareStuck(label + " did not return within " + watchdog.limitSeconds() + " s");
                throw e;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw (Error) e.getCause();
            }
        } finally {
            setupActivity.end();
        }
    }

    private void awaitProgress(HeldCounterClients clients, long[] targets) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        CountDownLatch never = new CountDownLatch(1);
        while (!clients.reached(targets) && System.nanoTime() - deadline < 0) {
            never.await(1, TimeUnit.MILLISECONDS); // re-check each millisecond
        }
        assertTrue("the clients made no progress on the final implementation:\n" + clients.perThread(),
                clients.reached(targets));
    }

    private void report(String where, long played, long millis, HeldCounterClients clients,
            ImplementationWindows windows, long value) {
        List<CallFailure> failures = clients.failureDetails();
        Classified allowed = new Classified();
        Classified disallowed = new Classified();
        Map<Integer, Integer> disallowedPerThread = new TreeMap<>();
        for (CallFailure failure : failures) {
            String example = "thread " + failure.thread() + ", " + failure.millis() + " ms, from '"
                    + failure.operationAtStart() + "' to '" + failure.operationAtEnd() + "'";
            if (failure.error() instanceof SwapTimeoutException
                    && windows.allowsTimeout(failure.startNanos(), failure.endNanos(), ALLOWED_WINDOW_NANOS)) {
                allowed.add("client " + failure.method(), failure.error(), example);
            } else {
                disallowed.add("client " + failure.method(), failure.error(), example);
                disallowedPerThread.merge(failure.thread(), 1, Integer::sum);
            }
        }
        long acknowledged = clients.acknowledged();
        long timedOut = clients.timedOutIncrements();
        System.out.println(NAME + " REPORT " + where + played + " rounds in " + millis + " ms\n"
                + "rounds by race and outcome: " + rounds + "\n"
                + "operations refused (legitimate, classified):\n" + refused.table()
                + "clients (each held one service object from the start):\n" + clients.perThread()
                + "client failures allowed (SwapTimeoutException in a window of >= "
                + TimeUnit.NANOSECONDS.toMillis(ALLOWED_WINDOW_NANOS) + " ms with no allowed implementation ACTIVE):\n"
                + allowed.table()
                + "client failures NOT allowed (per client thread " + disallowedPerThread + "):\n" + disallowed.table()
                + windows.summary(ALLOWED_WINDOW_NANOS) + "\n"
                + "swap records: " + history.summary() + "; swapline.swap.count=" + platform.swapCount() + "\n"
                + "final count: get()=" + value + ", acknowledged=" + acknowledged + ", timed-out increments=" + timedOut
                + "\nviolations:\n  " + (violations.isEmpty() ? "none" : String.join("\n  ", violations)));
        assertTrue(where + "invariant violations:\n" + String.join("\n", violations), violations.isEmpty());
        assertEquals(where + "failed calls are kept up to a limit; more means a flood", clients.failures(),
                failures.size());
        assertTrue(where + "client calls failed other than by an allowed timeout:\n" + disallowed.table(),
                disallowed.isEmpty());
        assertTrue(where + "the count " + value + " is not the acknowledged increments " + acknowledged
                + " (plus at most the " + timedOut + " that timed out)",
                value >= acknowledged && value <= acknowledged + timedOut);
        assertTrue(where + "no swap forwarded or blocked a call, so the race did not happen: " + history.summary(),
                history.withCallsInFlight() > 0);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
