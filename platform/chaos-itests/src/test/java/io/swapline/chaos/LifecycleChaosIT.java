package io.swapline.chaos;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
 * Random, replayable sequences of everything an operator does to the counter's implementation
 * bundles — update (shared 1.0 ⇄ 2.0), stop, start, uninstall, install, refresh (waited for or
 * not), {@code swapline:swap} — one at a time on a chaos thread, while 4 client threads call the
 * one Counter service object each fetched at the start. It guards: no call or operation hangs (a
 * refresh concurrent with a bundle operation used to deadlock Felix's global lock against the
 * extender's monitor), the count is exactly the acknowledged increments, no call fails except by
 * waiting longer than {@code swapline.replacement.timeout.ms} while no allowed implementation was
 * ACTIVE, and after each settled step an ACTIVE implementation serves.
 *
 * <p>Checked: a watchdog fails the test with a full thread dump when an operation or call makes no
 * progress for {@code swapline.chaos.stuck.seconds}; at each CHECK step and after each waited refresh
 * (nothing else in flight) {@link CounterPlatform#inconsistency()} must clear within 10 s and
 * {@code implementation()} must match the service properties; every {@code get()} lies between the
 * increments acknowledged before it and attempted after it; at the end (after making an
 * implementation serve) {@code get()} equals the acknowledged increments, plus at most the ones that
 * timed out; the framework answers {@code lb} and {@code swapline:list}; and swaps forwarded or
 * blocked calls (the race happened). Operations that Felix or the extender refuse (a bundle in the
 * wrong state, "Cannot acquire global lock" during a refresh, a swap to an inactive bundle) are
 * legitimate and only classified; an Error from one fails the test.
 *
 * <p>The seed is printed; {@code -Dswapline.chaos.seed=<seed>} replays the same random choices
 * (each step draws the same numbers whatever the state, so a replay diverges only where timing
 * makes a bundle's state differ). {@code -Dswapline.chaos.seconds} bounds the run; it goes on past
 * that until every kind of operation ran once.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LifecycleChaosIT {

    private static final String NAME = "LifecycleChaosIT";
    private static final int CLIENTS = 4;
    private static final long SECONDS = ChaosSettings.number("swapline.chaos.seconds", 30);
    /** A timeout is allowed only in a window at least this long (the timeout less scheduling slack). */
    private static final long ALLOWED_WINDOW_NANOS =
            TimeUnit.MILLISECONDS.toNanos(CounterPlatform.REPLACEMENT_TIMEOUT_MS - 300);

    /** The kinds of step. */
    enum Kind {
        UPDATE, STOP, START, UNINSTALL, INSTALL, REFRESH_WAIT, REFRESH_NOWAIT, SWAP, CHECK,
        /** No implementation ACTIVE: wait past the replacement timeout, so that waiting calls time out. */
        HOLD_EMPTY
    }

    /** One step's random numbers, all drawn whatever the state (replays stay in step). */
    private record Draw(int kind, boolean distributed, boolean sharedV2, int refreshTarget, int restore, int gapMillis) {
        static Draw from(Random random) {
            return new Draw(random.nextInt(1000), random.nextBoolean(), random.nextBoolean(), random.nextInt(4),
                    random.nextInt(100), random.nextInt(30));
        }
    }

    @Rule
    public final Timeout timeout = new Timeout(SECONDS * 4 + 300, TimeUnit.SECONDS);

    @Inject
    private BundleContext context;

    private CounterPlatform platform;
    private Watchdog watchdog;
    private final Watchdog.Activity chaosActivity = new Watchdog.Activity();
    private final Classified operationFailures = new Classified();
    private final List<String> operationErrors = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<CountDownLatch> pendingRefreshes = new ArrayList<>();
    private final Map<Kind, Integer> performed = new TreeMap<>();
    private final SwapHistory history = new SwapHistory();
    private final List<String> lastOperations = new ArrayList<>();
    private final Map<String, Integer> violationKinds = new TreeMap<>();
    /** A violation that a restart of the bundle whose stop made the object wait did not mend: the chaos stops. */
    private volatile boolean unrepaired;
    private volatile String currentOperation = "start";
    private Counter counter;

    @Configuration
    public Option[] configuration() {
        return CounterPlatform.configuration();
    }

    @Test
    public void randomLifecycleOperationsUnderHeldClientsKeepTheCountAndNeverHang() throws Exception {
        long seed = ChaosSettings.seed("swapline.chaos.seed");
        System.out.println(NAME + ": seed=" + seed + " (replay: -Dswapline.chaos.seed=" + seed + "), " + SECONDS
                + " s, " + CLIENTS + " clients, replacement timeout " + CounterPlatform.REPLACEMENT_TIMEOUT_MS + " ms");
        platform = new CounterPlatform(context);
        counter = platform.heldCounter();
        watchdog = new Watchdog(NAME + " seed=" + seed, context, ChaosSettings.stuckLimit()).watching(chaosActivity);
        HeldCounterClients clients = HeldCounterClients.start("chaos", counter, CLIENTS, () -> currentOperation);
        watchdog.watching(clients).start();
        try (ImplementationWindows windows = ImplementationWindows.watch(context, CounterPlatform.IMPLEMENTATIONS)) {
            CountDownLatch chaosEnded = new CountDownLatch(1);
            List<Throwable> chaosFailure = new CopyOnWriteArrayList<>();
            Thread chaos = new Thread(() -> {
                try {
                    chaos(new Random(seed), clients);
                } catch (Throwable e) { // reported by the test thread
                    chaosFailure.add(e);
                } finally {
                    chaosEnded.countDown();
                }
            }, "chaos-operations");
            chaos.setDaemon(true);
            chaos.start();
            if (!watchdog.await(chaosEnded, Duration.ofSeconds(SECONDS * 3 + 120))) {
                watchdog.declareStuck("the chaos thread did not end: " + chaosActivity.current());
            }
            if (!chaosFailure.isEmpty()) {
                throw new AssertionError("the chaos thread failed at " + currentOperation, chaosFailure.get(0));
            }

            String finalState = watched("final phase", Duration.ofSeconds(120), () -> finalPhase(clients, seed));
            List<String> alive = clients.stop(20);
            watchdog.check();
            assertTrue("client threads still in a call 20 s after being stopped: " + alive, alive.isEmpty());
            long value = call("final get()", counter::get);
            respondsAtTheEnd();
            try (Shell shell = new Shell(context)) {
                history.add(call("swapline:history counter", () -> shell.run("swapline:history counter")));
            }
            report(seed, clients, windows, value, finalState);
        } finally {
            watchdog.close();
            clients.stop(1);
            platform.close();
        }
    }

    /** The chaos thread: steps until the time is up and every kind ran once (at most 3 times the time). */
    private void chaos(Random random, HeldCounterClients clients) throws Exception {
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(SECONDS);
        long cap = start + TimeUnit.SECONDS.toNanos(SECONDS * 3);
        Set<Kind> required = EnumSet.complementOf(EnumSet.of(Kind.HOLD_EMPTY));
        try (Shell shell = new Shell(context)) {
            for (int n = 1; !unrepaired && violations.size() < 20 && !watchdog.fired() && operationErrors.isEmpty(); n++) {
                long now = System.nanoTime();
                if (now - cap > 0 || (now - end > 0 && performed.keySet().containsAll(required))) {
                    break;
                }
                Kind kind = step(n, Draw.from(random), shell);
                if (kind != Kind.REFRESH_NOWAIT) { // after one, the next operation runs at once, into the refresh
                    history.add(operation("#" + n + " history", () -> shell.run("swapline:history counter")));
                }
                if (clients.failures() - clients.timedOutCalls() > 1_000) { // a flood: stop early and report
                    violations.add("client calls fail in bulk: " + clients.failures() + " failures, "
                            + clients.timedOutCalls() + " of them timeouts");
                }
            }
        }
    }

    /** Picks the step the draw names for the current state, runs it and records what happened. */
    private Kind step(int n, Draw draw, Shell shell) throws Exception {
        String target = draw.distributed() ? CounterPlatform.DISTRIBUTED : CounterPlatform.SHARED;
        Kind kind;
        if (platform.activeImplementations().isEmpty() && draw.restore() < 85) {
            kind = draw.restore() < 70 ? (platform.find(target) == null ? Kind.INSTALL : Kind.START) : Kind.HOLD_EMPTY;
        } else {
            kind = chosen(draw.kind());
        }
        kind = applicable(kind, target);
        String label = "#" + n + " " + kind + (usesTarget(kind) ? " " + CounterPlatform.shortName(target) : "");
        currentOperation = label;
        remember(label);
        chaosActivity.begin(label);
        long startNanos = System.nanoTime();
        try {
            perform(kind, target, draw, shell, label);
        } catch (Exception e) { // refused by Felix or the extender: legitimate, classified
            operationFailures.add(kind + (usesTarget(kind) ? " " + CounterPlatform.shortName(target) : ""), e,
                    label + " after " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos) + " ms");
        } catch (Error e) {
            operationErrors.add(label + ": " + e);
            operationFailures.add(kind.toString(), e, label);
            e.printStackTrace(System.out);
        } finally {
            chaosActivity.end();
            Thread.interrupted(); // Felix interrupts a thread it refuses the global lock to; not our concern later
            currentOperation = "between operations (after " + label + ")";
            performed.merge(kind, 1, Integer::sum);
        }
        if (draw.gapMillis() > 0 && kind != Kind.REFRESH_NOWAIT) {
            Thread.sleep(draw.gapMillis()); // random spacing between operations is part of the chaos, not a wait
        }
        return kind;
    }

    private static Kind chosen(int roll) {
        int[] weights = {140, 130, 120, 60, 60, 90, 160, 130, 110};
        Kind[] kinds = {Kind.UPDATE, Kind.STOP, Kind.START, Kind.UNINSTALL, Kind.INSTALL, Kind.REFRESH_WAIT,
            Kind.REFRESH_NOWAIT, Kind.SWAP, Kind.CHECK};
        int cumulative = 0; // the weights add up to 1000
        for (int i = 0; i < kinds.length; i++) {
            cumulative += weights[i];
            if (roll < cumulative) {
                return kinds[i];
            }
        }
        return Kind.CHECK;
    }

    /** The kind turned into one that applies to the target's state: STOP of a stopped bundle starts it, … */
    private Kind applicable(Kind kind, String target) {
        Bundle bundle = platform.find(target);
        Bundle shared = platform.find(CounterPlatform.SHARED);
        return switch (kind) {
            case STOP -> bundle == null ? Kind.INSTALL : bundle.getState() == Bundle.ACTIVE ? Kind.STOP : Kind.START;
            case START -> bundle == null ? Kind.INSTALL : bundle.getState() == Bundle.ACTIVE ? Kind.STOP : Kind.START;
            case UNINSTALL, INSTALL -> bundle == null ? Kind.INSTALL : Kind.UNINSTALL;
            case UPDATE -> shared == null ? Kind.INSTALL : Kind.UPDATE;
            case HOLD_EMPTY -> platform.activeImplementations().isEmpty() ? Kind.HOLD_EMPTY : Kind.CHECK;
            default -> kind;
        };
    }

    private static boolean usesTarget(Kind kind) {
        return kind == Kind.STOP || kind == Kind.START || kind == Kind.UNINSTALL || kind == Kind.INSTALL
                || kind == Kind.SWAP;
    }

    private void perform(Kind kind, String target, Draw draw, Shell shell, String label) throws Exception {
        switch (kind) {
            case UPDATE -> CounterPlatform.updateToOtherVersion(platform.find(CounterPlatform.SHARED));
            case STOP -> platform.find(target).stop();
            case START -> platform.find(target).start();
            case UNINSTALL -> platform.find(target).uninstall();
            case INSTALL -> platform.install(target, draw.sharedV2()).start();
            case REFRESH_WAIT -> {
                awaitRefresh(platform.refresh(refreshTargets(draw.refreshTarget(), target)), label);
                if (pendingRefreshes.isEmpty()) { // nothing else in flight: the state must settle
                    checkSettled(label, shell);
                }
            }
            case REFRESH_NOWAIT -> pendingRefreshes.add(platform.refresh(refreshTargets(draw.refreshTarget(), target)));
            case SWAP -> shell.run("swapline:swap counter " + target);
            case CHECK -> {
                for (CountDownLatch refresh : pendingRefreshes) {
                    awaitRefresh(refresh, label);
                }
                pendingRefreshes.clear();
                checkSettled(label, shell);
            }
            case HOLD_EMPTY -> {
                CountDownLatch never = new CountDownLatch(1);
                never.await(CounterPlatform.REPLACEMENT_TIMEOUT_MS + 500, TimeUnit.MILLISECONDS); // a chosen pause
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    /** null (every removal-pending bundle), the target, or every installed implementation bundle. */
    private List<Bundle> refreshTargets(int roll, String target) {
        Bundle bundle = platform.find(target);
        if (roll == 0 || bundle == null) {
            return null;
        }
        return roll == 3 ? platform.installedImplementations() : List.of(bundle);
    }

    private void awaitRefresh(CountDownLatch refresh, String label) throws InterruptedException {
        while (!refresh.await(100, TimeUnit.MILLISECONDS)) {
            if (watchdog.fired()) {
                throw new IllegalStateException(label + ": the refresh hung (watchdog fired)");
            }
        }
    }

    /** The promised state must hold within 10 s, and the held object must say it runs what serves. */
    private void checkSettled(String label, Shell shell) throws Exception {
        String wrong = platform.awaitConsistent();
        if (wrong == null) {
            String expected = platform.expectedImplementation();
            if (expected != null) {
                String actual = counter.implementation();
                if (!expected.equals(actual)) {
                    wrong = "implementation() says '" + actual + "' but the service properties say '" + expected + "'";
                }
            }
        }
        if (wrong != null) {
            String refusal = SwapHistory.lastRefusal(shell.run("swapline:history counter"));
            violations.add(label + ": after " + CounterPlatform.SETTLE_SECONDS + " s: " + wrong + "\n  last refusal: "
                    + refusal + "\n  state: " + platform.describe() + "\n  last operations: " + lastOperations
                    + "\n  swapline:info counter:\n" + shell.run("swapline:info counter"));
            String kind = wrong.replaceAll("\\[[0-9]+\\]", "").replaceAll("[0-9]+\\.[0-9]+\\.[0-9]+", "#") + " | last refusal: "
                    + refusal.substring(refusal.indexOf(' ') + 1).replaceAll("[0-9]+", "#");
            violationKinds.merge(kind, 1, Integer::sum);
            if (!label.equals("final")) {
                repair(label);
            }
        }
    }

    /**
     * After a violation the chaos goes on, so that one run finds every kind: the bundle whose stop made
     * the object wait is started (or installed) again, which takes the kept state in any case.
     */
    private void repair(String label) throws Exception {
        if (platform.waiting()) {
            String last = platform.servingName();
            Bundle bundle = platform.find(last);
            if (bundle == null) {
                platform.install(last, false).start();
            } else if (bundle.getState() != Bundle.ACTIVE) {
                bundle.start();
            }
        }
        String still = platform.awaitConsistent();
        if (still != null) {
            unrepaired = true;
            violations.add(label + ": not repaired by starting the last serving bundle: " + still + " | "
                    + platform.describe());
        }
    }

    private void remember(String label) {
        lastOperations.add(label);
        if (lastOperations.size() > 12) {
            lastOperations.remove(0);
        }
    }

    /**
     * After the chaos: make an implementation serve (starting or installing the shared counter if
     * nothing is ACTIVE), checked like any settled step, then let every client make 1,000 more
     * increments on it.
     */
    private String finalPhase(HeldCounterClients clients, long seed) throws Exception {
        try (Shell shell = new Shell(context)) {
            operation("final: await refreshes", () -> {
                for (CountDownLatch refresh : pendingRefreshes) {
                    awaitRefresh(refresh, "final");
                }
                pendingRefreshes.clear();
                return null;
            });
            operation("final: make an implementation serve", () -> {
                if (platform.activeImplementations().isEmpty()) {
                    Bundle shared = platform.find(CounterPlatform.SHARED);
                    (shared == null ? platform.install(CounterPlatform.SHARED, false) : shared).start();
                }
                return null;
            });
            int violationsBefore = violations.size();
            operation("final: check", () -> {
                checkSettled("final", shell);
                return null;
            });
            if (violations.size() > violationsBefore && platform.waiting()) { // repair, so the count can be checked
                Bundle active = platform.activeImplementations().get(0);
                String repaired = operation("final: repair by swapline:swap", () -> {
                    try {
                        return shell.run("swapline:swap counter " + active.getBundleId());
                    } catch (Exception e) {
                        return "swapline:swap failed: " + e;
                    }
                });
                violations.add("final: the object was left waiting; swapline:swap to " + active + " said: " + repaired);
                if (platform.waiting()) { // the bundle whose stop made it wait takes its kept state in any case
                    String last = platform.servingName();
                    operation("final: repair by starting " + last, () -> {
                        Bundle bundle = platform.find(last);
                        (bundle == null ? platform.install(last, false) : bundle).start();
                        return platform.awaitConsistent();
                    });
                }
            }
            if (platform.waiting()) {
                fail(NAME + " seed=" + seed + ": no implementation serves at the end, so the count cannot be checked:\n"
                        + String.join("\n", violations));
            }
            long[] targets = clients.targets(1_000);
            CountDownLatch progressed = new CountDownLatch(1);
            operation("final: each client makes 1,000 increments", () -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!clients.reached(targets) && System.nanoTime() - deadline < 0) {
                    progressed.await(1, TimeUnit.MILLISECONDS);
                }
                return null;
            });
            assertTrue("the clients made no progress on the final implementation:\n" + clients.perThread(),
                    clients.reached(targets));
            return platform.describe();
        }
    }

    /** The framework answers a bundle list and {@code swapline:list} within 20 s each. */
    private void respondsAtTheEnd() throws Exception {
        try (Shell shell = new Shell(context)) {
            String lb = call("lb", () -> shell.run("lb"));
            assertTrue(lb, lb.contains("counter"));
            String list = call("swapline:list", () -> shell.run("swapline:list"));
            assertTrue(list, list.contains("counter | io.swapline.examples.counter.Counter"));
        }
    }

    private void report(long seed, HeldCounterClients clients, ImplementationWindows windows, long value,
            String finalState) {
        List<CallFailure> failures = clients.failureDetails();
        Classified allowed = new Classified();
        Classified disallowed = new Classified();
        Map<Integer, Integer> disallowedPerThread = new TreeMap<>();
        long timeoutsNotAllowed = 0;
        for (CallFailure failure : failures) {
            boolean timeoutInWindow = failure.error() instanceof SwapTimeoutException
                    && windows.allowsTimeout(failure.startNanos(), failure.endNanos(), ALLOWED_WINDOW_NANOS);
            String example = "thread " + failure.thread() + ", " + failure.millis() + " ms, from '"
                    + failure.operationAtStart() + "' to '" + failure.operationAtEnd() + "'";
            if (timeoutInWindow) {
                allowed.add("client " + failure.method(), failure.error(), example);
            } else {
                disallowed.add("client " + failure.method(), failure.error(), example);
                disallowedPerThread.merge(failure.thread(), 1, Integer::sum);
                timeoutsNotAllowed += failure.error() instanceof SwapTimeoutException ? 1 : 0;
            }
        }
        long acknowledged = clients.acknowledged();
        long timedOut = clients.timedOutIncrements();
        String text = NAME + " REPORT seed=" + seed + " (replay: -Dswapline.chaos.seed=" + seed + ")\n"
                + "operations by kind: " + performed + "\n"
                + "operations refused (legitimate, classified):\n" + operationFailures.table()
                + "operation errors: " + operationErrors + "\n"
                + "clients (each held one service object from the start):\n" + clients.perThread()
                + "client failures allowed (SwapTimeoutException in a window of >= "
                + TimeUnit.NANOSECONDS.toMillis(ALLOWED_WINDOW_NANOS) + " ms with no allowed implementation ACTIVE):\n"
                + allowed.table()
                + "client failures NOT allowed (per client thread " + disallowedPerThread + "):\n" + disallowed.table()
                + windows.summary(ALLOWED_WINDOW_NANOS) + "\n"
                + "swap records: " + history.summary() + "; swapline.swap.count=" + platform.swapCount() + "\n"
                + "swaps not completed:\n" + history.notCompleted()
                + "final state: " + finalState + "\n"
                + "final count: get()=" + value + ", acknowledged=" + acknowledged + ", timed-out increments=" + timedOut
                + (value == acknowledged ? " (exact)" : " (" + (value - acknowledged) + " of the timed-out applied)")
                + "\n" + "violations by kind: " + (violationKinds.isEmpty() ? "none" : "") + violationKinds(violationKinds)
                + "violations:\n  " + (violations.isEmpty() ? "none" : String.join("\n  ", violations));
        System.out.println(text);
        String where = NAME + " seed=" + seed + " (replay: -Dswapline.chaos.seed=" + seed + "): ";
        assertTrue(where + "invariant violations:\n" + String.join("\n", violations), violations.isEmpty());
        assertTrue(where + "operations threw errors: " + operationErrors, operationErrors.isEmpty());
        assertEquals(where + "failed calls are kept up to a limit; more means a flood", clients.failures(),
                failures.size());
        assertTrue(where + "client calls failed other than by an allowed timeout (" + timeoutsNotAllowed
                + " of them timeouts outside a long enough window):\n" + disallowed.table(), disallowed.isEmpty());
        assertTrue(where + "the count " + value + " is not the acknowledged increments " + acknowledged
                + " (plus at most the " + timedOut + " that timed out)", value >= acknowledged
                && value <= acknowledged + timedOut);
        assertTrue(where + "no swap forwarded or blocked a call, so the race this test is about did not happen: "
                + history.summary(), history.withCallsInFlight() > 0);
    }

    private static String violationKinds(Map<String, Integer> kinds) {
        StringBuilder text = new StringBuilder("\n");
        kinds.forEach((kind, count) -> text.append("  ").append(count).append(" x ").append(kind).append('\n'));
        return text.toString();
    }

    /** Runs a step of the chaos thread under the watchdog (an operation that hangs fails the test). */
    private <T> T operation(String label, Callable<T> body) throws Exception {
        chaosActivity.begin(label);
        try {
            return body.call();
        } finally {
            chaosActivity.end();
        }
    }

    /**
     * Runs {@code body} on a thread of its own, under the watchdog (its steps are {@link #operation}s),
     * for at most {@code limit}.
     */
    private <T> T watched(String label, Duration limit, Callable<T> body) throws Exception {
        FutureTask<T> task = new FutureTask<>(body);
        Thread thread = new Thread(task, NAME + "-" + label);
        thread.setDaemon(true);
        thread.start();
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                return task.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                watchdog.check();
                if (System.nanoTime() - deadline > 0) {
                    watchdog.declareStuck(label + " did not end within " + limit.toSeconds() + " s: "
                            + chaosActivity.current());
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw (Error) e.getCause();
            }
        }
    }

    /**
     * Runs {@code body} on a thread of its own and waits for it up to the watchdog's limit: a call
     * made by the test thread itself that hangs fails the test with a thread dump.
     */
    private <T> T call(String label, Callable<T> body) throws Exception {
        FutureTask<T> task = new FutureTask<>(body);
        Thread thread = new Thread(task, NAME + "-" + label);
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(watchdog.limitSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            watchdog.declareStuck(label + " did not return within " + watchdog.limitSeconds() + " s");
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }
}
