package io.swapline.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import io.swapline.api.ClusteredObject;
import io.swapline.api.Root;
import io.swapline.api.SwapPhase;
import io.swapline.api.SwapRecord;
import io.swapline.api.SwapRefusedException;
import io.swapline.api.TransferProtocol;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.core.SwapDeadlines;

/**
 * Tests that a clustered object can be hot-swapped between your implementations while clients
 * call it: no call fails, and the state survives every transfer, through every transfer
 * protocol the implementations share. Plain Java; use it from any test framework.
 *
 * <pre>{@code
 * SwapTestReport report = SwapTester.forInterface(KeyValueStore.class)
 *         .implementation("striped", StripedStore::new)
 *         .implementation("snapshot", SnapshotStore::new)
 *         .clients(4, client -> new OwnKeysClient(client))   // one SwapClient per thread
 *         .state(KeyValueStore::snapshot)                    // compared before/after each transfer
 *         .swaps(50)                                         // per protocol
 *         .verify();                                         // throws SwapTestFailure on a violation
 * }</pre>
 *
 * <h2>What a run does</h2>
 * For each protocol the implementations share (see below), the tester creates a fresh object on
 * a {@link ClusteredObjectRuntime} of its own with the first implementation, starts the client
 * threads, waits until each has made a call, and then swaps the object {@link #swaps(int)} times
 * along the rotation <i>first → second → … → last → first …</i> (with two implementations: back
 * and forth), a new root from your supplier each time. Before every swap it waits until each
 * client has made {@link #callsBetweenSwaps(int)} more calls, so swaps always land among
 * running calls; it never sleeps and asserts nothing about time. Then it stops the clients,
 * calls each client's {@link SwapClient#checkAfterLastCall}, your
 * {@link #afterEachRun(Consumer)} check, and destroys the object.
 *
 * <h2>Forcing each protocol</h2>
 * The runtime chooses the most significant protocol bit both sides declare, so a normal swap
 * would only ever exercise the best one. The tester therefore gives the runtime not your root but
 * a <em>wrapper</em> of the same kind ({@code SharedRoot}, {@code DistributedRoot} or
 * {@code ClusteredRoot} with the same cluster size) whose Reps are your root's Reps and which
 * forwards export, import and destroy to your root, but which advertises, for each swap of the
 * run of protocol P, {@code exportProtocols() = {P}} on the outgoing side and
 * {@code importProtocols() = {P}} on the incoming side. Where the runtime's negotiation
 * ({@link io.swapline.core.transfer.ProtocolNegotiation}, asked, not copied) could not use P on
 * one step of the rotation (your implementations support it in one direction only, or P is per
 * Rep and the two Rep layouts differ), that swap negotiates freely and the report shows it with
 * no forced protocol. A completed swap that recorded another protocol than the forced one is a
 * violation.
 *
 * <h2>Checking the state across each transfer</h2>
 * With {@link #state(Function)}, the wrapper observes the state while the object is quiescent:
 * the outgoing implementation right before its export, the incoming one right after its import
 * (after the last Rep's import for a per-Rep protocol). It applies your state view to one of
 * the root's Reps (the one with the lowest index; Rep 0 if there is none yet), so the view must
 * only read, and must see the whole object's state from any Rep — as any client call would.
 * The two observations must be {@link Object#equals equal}; if they are not, the tester records
 * a violation and makes the import fail, so the swap rolls back and the old implementation
 * keeps serving with its state. Clients run all along, so the tester cannot compare states
 * between swaps itself; your clients check what they see (see {@link SwapClient}).
 *
 * <h2>What counts as a violation</h2>
 * A call that throws; an export or import that throws; a state that differs across a transfer;
 * a swap that is refused or rolls back (with the runtime's reason); a completed swap through
 * another protocol than the forced one; a client stuck in a call for the
 * {@linkplain #livenessLimit liveness limit}; a failing after-run check. {@link #run()} returns the
 * {@link SwapTestReport} whatever it found; {@link #verify()} throws a {@link SwapTestFailure}
 * that lists them.
 *
 * @param <T> the clustered object's interface
 */
public final class SwapTester<T> {

    private final Class<T> type;
    private final List<String> names = new ArrayList<>();
    private final List<Supplier<? extends Root<? extends T>>> implementations = new ArrayList<>();
    private IntFunction<? extends SwapClient<T>> clientFactory;
    private int clientCount;
    private Function<? super T, ?> stateView;
    private Consumer<? super T> afterEachRun = object -> { };
    private int swaps = 20;
    private int callsBetweenSwaps = 1;
    private int slots = 4;
    private SwapDeadlines deadlines = SwapDeadlines.DEFAULT;
    private long livenessSeconds = 60;

    private SwapTester(Class<T> type) {
        this.type = type;
    }

    /**
     * Starts describing a test of implementations of {@code type}.
     *
     * @param type the clustered object's interface
     * @param <T> the interface
     * @return a tester to configure
     */
    public static <T> SwapTester<T> forInterface(Class<T> type) {
        return new SwapTester<>(Objects.requireNonNull(type, "type"));
    }

    /**
     * Adds an implementation. Add at least two; the rotation follows the order of the calls.
     *
     * @param name the implementation's name in the report
     * @param newRoot returns a <em>new</em> root on every call (a constructor reference); the
     *     tester calls it once per swap and once to read the declared protocols
     * @return this tester
     */
    public SwapTester<T> implementation(String name, Supplier<? extends Root<? extends T>> newRoot) {
        names.add(Objects.requireNonNull(name, "name"));
        implementations.add(Objects.requireNonNull(newRoot, "newRoot"));
        return this;
    }

    /**
     * Sets the client threads: {@code count} threads, each with its own client from
     * {@code newClient} (given the client's index, 0 to count - 1). New clients are made for
     * each run.
     *
     * @param count the number of threads, at least 1
     * @param newClient makes one thread's client
     * @return this tester
     */
    public SwapTester<T> clients(int count, IntFunction<? extends SwapClient<T>> newClient) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one client, was " + count);
        }
        this.clientCount = count;
        this.clientFactory = Objects.requireNonNull(newClient, "newClient");
        return this;
    }

    /**
     * Sets how the tester observes the object's state around each transfer: a read-only view
     * through the interface whose result has a meaningful {@code equals} (a record, a map, a
     * list, a number). Without it, states are not compared.
     *
     * @param view reads the whole state through one Rep, e.g. {@code KeyValueStore::snapshot}
     * @return this tester
     */
    public SwapTester<T> state(Function<? super T, ?> view) {
        this.stateView = Objects.requireNonNull(view, "view");
        return this;
    }

    /**
     * Sets the number of swaps per run (per protocol). 20 by default.
     *
     * @param count at least 1
     * @return this tester
     */
    public SwapTester<T> swaps(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one swap, was " + count);
        }
        this.swaps = count;
        return this;
    }

    /**
     * Sets how many calls each client makes, at least, between two swaps. 1 by default.
     *
     * @param calls at least 1
     * @return this tester
     */
    public SwapTester<T> callsBetweenSwaps(int calls) {
        if (calls < 1) {
            throw new IllegalArgumentException("at least one call between swaps, was " + calls);
        }
        this.callsBetweenSwaps = calls;
        return this;
    }

    /**
     * Sets a check of the object after each run's clients have stopped, e.g. that a counter
     * equals the increments the clients saw acknowledged. Throw to report a violation.
     *
     * @param check receives the object's stub
     * @return this tester
     */
    public SwapTester<T> afterEachRun(Consumer<? super T> check) {
        this.afterEachRun = Objects.requireNonNull(check, "check");
        return this;
    }

    /**
     * Sets the runtime's processor slots (a power of two). 4 by default, so that client threads
     * spread over several Reps of a distributed root.
     *
     * @param count a positive power of two
     * @return this tester
     */
    public SwapTester<T> slots(int count) {
        if (count < 1 || Integer.bitCount(count) != 1) {
            throw new IllegalArgumentException("slot count must be a positive power of two, was " + count);
        }
        this.slots = count;
        return this;
    }

    /**
     * Sets the runtime's swap deadlines. {@link SwapDeadlines#DEFAULT} by default.
     *
     * @param deadlines the deadlines
     * @return this tester
     */
    public SwapTester<T> deadlines(SwapDeadlines deadlines) {
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
        return this;
    }

    /**
     * Sets how long a client may go without finishing a call before it counts as stuck (a
     * safeguard against a hung test, not a performance check). 60 s by default.
     *
     * @param seconds at least 1
     * @return this tester
     */
    public SwapTester<T> livenessLimit(long seconds) {
        if (seconds < 1) {
            throw new IllegalArgumentException("liveness limit must be at least 1 s, was " + seconds);
        }
        this.livenessSeconds = seconds;
        return this;
    }

    /**
     * Runs the test and fails on any violation.
     *
     * @return the report of a run that passed
     * @throws SwapTestFailure if the run found a violation
     */
    public SwapTestReport verify() {
        return run().assertPassed();
    }

    /**
     * Runs the test: one run per protocol the implementations share.
     *
     * @return the report, whatever it found
     * @throws IllegalStateException if fewer than two implementations or no clients were given
     * @throws IllegalArgumentException if a supplier returns the same root twice, or null
     */
    public SwapTestReport run() {
        if (implementations.size() < 2) {
            throw new IllegalStateException("a swap test needs at least two implementations, has " + names);
        }
        if (clientFactory == null) {
            throw new IllegalStateException("no clients: call clients(count, newClient)");
        }
        List<Root<? extends T>> samples = new ArrayList<>();
        for (int i = 0; i < implementations.size(); i++) {
            Root<? extends T> sample = newRoot(i, new Findings()).implementation();
            if (implementations.get(i).get() == sample) {
                throw new IllegalArgumentException("the supplier of implementation '" + names.get(i)
                        + "' returned the same root twice; return a new root on every call (a constructor reference)");
            }
            samples.add(sample);
        }
        List<TransferProtocol<?>> protocols = ProtocolPlan.protocolsOfRotation(samples);
        Findings findings = new Findings();
        RunTotals totals = new RunTotals();
        try (ClusteredObjectRuntime runtime = new ClusteredObjectRuntime(slots, deadlines)) {
            if (protocols.isEmpty()) {
                runOnce(runtime, null, findings, totals);
            }
            for (TransferProtocol<?> protocol : protocols) {
                runOnce(runtime, protocol, findings, totals);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            findings.add("interrupted", e);
        }
        return new SwapTestReport(totals.runs, totals.swaps, totals.calls, totals.failedCalls,
                totals.transfersCompared, findings);
    }

    /** What the runs of one test add up to. */
    private static final class RunTotals {
        final List<String> runs = new ArrayList<>();
        final List<SwapTestReport.Swap> swaps = new ArrayList<>();
        long calls;
        long failedCalls;
        long transfersCompared;
    }

    /**
     * One run: a fresh object, the clients, {@link #swaps} swaps along the rotation forcing
     * {@code protocol} wherever the step supports it, then the after-run checks.
     */
    private void runOnce(ClusteredObjectRuntime runtime, TransferProtocol<?> protocol, Findings findings,
            RunTotals totals) throws InterruptedException {
        String run = protocol == null ? "negotiated" : protocol.name();
        totals.runs.add(run);
        int current = 0;
        RootUnderTest<T> serving = newRoot(current, findings);
        ClusteredObject<T> object = runtime.create("swap-test-" + run, type, serving.root());
        List<SwapClient<T>> clients = new ArrayList<>();
        for (int c = 0; c < clientCount; c++) {
            clients.add(Objects.requireNonNull(clientFactory.apply(c), "the client factory returned null"));
        }
        ClientLoad<T> load = new ClientLoad<>(object.stub(), clients, findings);
        load.start("swap-test-" + run);
        try {
            String stuck = load.awaitProgress(1, livenessSeconds, TimeUnit.SECONDS);
            for (int i = 0; i < swaps && stuck == null; i++) {
                int next = (current + 1) % implementations.size();
                RootUnderTest<T> incoming = newRoot(next, findings);
                String step = run + " swap " + (i + 1) + ", " + names.get(current) + " -> " + names.get(next);
                TransferWitness witness = stateView == null ? null : new TransferWitness(step, findings);
                TransferProtocol<?> forced = force(protocol, serving, incoming, witness);
                SwapRecord record = swap(runtime, object, incoming, step, findings);
                if (record == null) {
                    break; // the swap threw: the object is in no state to go on
                }
                totals.swaps.add(new SwapTestReport.Swap(run, forced == null ? null : forced.name(), record));
                if (record.outcome() == SwapPhase.REFUSED) {
                    findings.add(step + ": refused: " + record.reason());
                    break; // every later swap would be refused too
                }
                if (witness != null && witness.compared()) {
                    totals.transfersCompared++;
                }
                if (record.completed()) {
                    if (forced != null && !forced.name().equals(record.protocol())) {
                        findings.add(step + ": the runtime chose " + record.protocol() + ", not the forced "
                                + forced.name());
                    }
                    serving = incoming;
                    current = next;
                } else {
                    findings.add(step + ": " + record.outcome() + ": " + record.reason());
                }
                stuck = load.awaitProgress(callsBetweenSwaps, livenessSeconds, TimeUnit.SECONDS);
            }
            if (stuck != null) {
                findings.add(run + ": " + stuck);
            }
        } finally {
            String notEnded = load.stop(livenessSeconds, TimeUnit.SECONDS);
            if (notEnded != null) {
                findings.add(run + ": " + notEnded);
            }
            totals.calls += load.calls();
            totals.failedCalls += load.failedCalls();
        }
        checkAfterRun(run, object.stub(), clients, findings);
        runtime.destroy(object);
    }

    /** Sets up both sides of the next swap; returns the protocol forced, or null if this step cannot use it. */
    private static <T> TransferProtocol<?> force(TransferProtocol<?> protocol, RootUnderTest<T> outgoing,
            RootUnderTest<T> incoming, TransferWitness witness) {
        ProtocolPlan.Match match = protocol == null ? null
                : ProtocolPlan.match(outgoing.implementation(), incoming.implementation(), protocol.bit()).orElse(null);
        outgoing.prepareToExport(match == null ? null : match.exported(), witness);
        incoming.prepareToImport(match == null ? null : match.imported(), witness);
        return match == null ? null : match.exported();
    }

    private SwapRecord swap(ClusteredObjectRuntime runtime, ClusteredObject<T> object, RootUnderTest<T> incoming,
            String step, Findings findings) {
        try {
            return runtime.swap(object, incoming.root());
        } catch (SwapRefusedException e) {
            return e.record();
        } catch (RuntimeException e) {
            findings.add(step + ": the swap threw", e);
            return null;
        }
    }

    private void checkAfterRun(String run, T stub, List<SwapClient<T>> clients, Findings findings) {
        for (int c = 0; c < clients.size(); c++) {
            try {
                clients.get(c).checkAfterLastCall(stub);
            } catch (Throwable e) {
                findings.add(run + ": client " + c + "'s check after its last call failed", e);
            }
        }
        try {
            afterEachRun.accept(stub);
        } catch (Throwable e) {
            findings.add(run + ": the after-run check failed", e);
        }
    }

    private RootUnderTest<T> newRoot(int implementation, Findings findings) {
        return RootUnderTest.wrap(names.get(implementation), implementations.get(implementation).get(), stateView,
                findings);
    }
}
