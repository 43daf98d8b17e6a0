package io.swapline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import io.swapline.api.ClusteredObject;
import io.swapline.api.DistributedRoot;
import io.swapline.api.Root;
import io.swapline.api.RootKind;
import io.swapline.core.table.ProcessorSlots;

/**
 * Guards the runtime under concurrent use: many threads creating, calling and destroying
 * objects at once keep every invariant (each call answers its own object, a destroyed name is
 * free, {@code find} agrees, freed translation entries are reused), and racing first calls on
 * a slot create exactly one Rep for it (one in total for a shared root).
 */
class ClusteredObjectRuntimeConcurrencyTest {

    public interface Value {
        long get();
    }

    /** A Rep that answers a fixed value. */
    record ValueRep(long value) implements Value {
        @Override
        public long get() {
            return value;
        }
    }

    private static final int THREADS = 8;
    private static final int ITERATIONS = 2_000;
    private static final RootKind[] KINDS = RootKind.values();

    @Test
    void manyThreadsCreatingCallingAndDestroyingKeepEveryInvariant() throws Exception {
        ClusteredObjectRuntime runtime = new ClusteredObjectRuntime(4);
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger maxEntryIndex = new AtomicInteger(-1);
        AtomicLong contendedWins = new AtomicLong();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < ITERATIONS && failures.isEmpty(); i++) {
                        long value = thread * 1_000_000L + i;
                        ownObjectLifecycle(runtime, "t" + thread + "-" + (i % 50), KINDS[i % KINDS.length], value,
                                maxEntryIndex);
                        if (i % 4 == 0) {
                            contendedWins.addAndGet(contendedName(runtime, "contended-" + (i % 3), value,
                                    maxEntryIndex));
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "churn-" + t));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(60));
            assertFalse(thread.isAlive(), thread.getName() + " did not finish");
        }

        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError(failures.size() + " thread(s) failed; first: " + failures.peek(),
                    failures.peek());
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
        assertTrue(runtime.objects().isEmpty(), "objects left behind: " + runtime.objects());
        assertTrue(contendedWins.get() > 0);
        // Each thread holds at most two objects at once and destroys what it creates, so
        // reused entries keep the table at most that large.
        assertTrue(maxEntryIndex.get() < THREADS * 2,
                "freed translation entries were not reused: highest index " + maxEntryIndex.get());
    }

    /** Create, find, call, destroy, and check the name is free: the object is this thread's alone. */
    private static void ownObjectLifecycle(ClusteredObjectRuntime runtime, String name, RootKind kind, long value,
            AtomicInteger maxEntryIndex) {
        ClusteredObject<Value> object = runtime.create(name, Value.class, kind, i -> new ValueRep(value));
        maxEntryIndex.accumulateAndGet(((ManagedObject<?>) object).table().entry().index(), Math::max);
        assertSame(object, runtime.find(name).orElseThrow(() -> new AssertionError(name + " not found")));
        assertSame(object, runtime.find(name, Value.class).orElseThrow());
        assertEquals(kind, object.kind());
        Value stub = object.stub();
        for (int call = 0; call < 3; call++) {
            assertEquals(value, stub.get(), name);
        }
        runtime.destroy(object);
        assertFalse(object.isLive());
        assertEquals(Optional.empty(), runtime.find(name), name + " still found after destroy");
        expectStale(stub, name);
    }

    /** Threads race for a few shared names: at most one holds each at a time. Returns 1 on a win. */
    private static int contendedName(ClusteredObjectRuntime runtime, String name, long value,
            AtomicInteger maxEntryIndex) {
        ClusteredObject<Value> object;
        try {
            object = runtime.create(name, Value.class, RootKind.DISTRIBUTED, i -> new ValueRep(value));
        } catch (IllegalArgumentException lost) {
            assertTrue(lost.getMessage().contains("already exists"), lost.getMessage());
            return 0;
        }
        maxEntryIndex.accumulateAndGet(((ManagedObject<?>) object).table().entry().index(), Math::max);
        assertSame(object, runtime.find(name).orElseThrow(), "find disagrees with the winner of " + name);
        assertEquals(value, object.stub().get());
        runtime.destroy(object);
        expectStale(object.stub(), name);
        return 1;
    }

    private static void expectStale(Value stub, String name) {
        try {
            stub.get();
            fail("a call on destroyed '" + name + "' returned");
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage().contains("'" + name + "'"), expected.getMessage());
        }
    }

    @Test
    void racingCreatesOfOneNameRegisterOneObjectAndChangeNothingForTheLosers() throws Exception {
        ClusteredObjectRuntime runtime = new ClusteredObjectRuntime(4);
        int rounds = 500;
        int creators = 3;
        CyclicBarrier barrier = new CyclicBarrier(creators);
        List<List<Root<Value>>> roots = new ArrayList<>();
        List<Queue<ClusteredObject<Value>>> winners = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            List<Root<Value>> round = new ArrayList<>();
            for (int c = 0; c < creators; c++) {
                long value = c;
                round.add(DistributedRoot.of(i -> new ValueRep(value)));
            }
            roots.add(round);
            winners.add(new ConcurrentLinkedQueue<>());
        }
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < creators; c++) {
            int creator = c;
            threads.add(new Thread(() -> {
                try {
                    for (int r = 0; r < rounds; r++) {
                        barrier.await(30, TimeUnit.SECONDS);
                        try {
                            winners.get(r).add(runtime.create("contested-" + r, Value.class, roots.get(r).get(creator)));
                        } catch (IllegalArgumentException lost) {
                            assertTrue(lost.getMessage().contains("already exists"), lost.getMessage());
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                    barrier.reset();
                }
            }, "creator-" + c));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(60));
            assertFalse(thread.isAlive(), thread.getName() + " did not finish");
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("a creator failed", failures.peek());
        }

        int losersWithAttachedRoots = 0;
        for (int r = 0; r < rounds; r++) {
            assertEquals(1, winners.get(r).size(), "round " + r + ": objects registered under one name");
            ClusteredObject<Value> winner = winners.get(r).peek();
            assertSame(winner, runtime.find("contested-" + r).orElseThrow());
            Root<?> winnersRoot = ((ManagedObject<?>) winner).currentRoot();
            for (Root<Value> root : roots.get(r)) {
                if (root != winnersRoot && root.slotCount() != 0) {
                    losersWithAttachedRoots++;
                }
            }
            assertEquals(roots.get(r).indexOf(winnersRoot), winner.stub().get());
        }
        assertEquals(rounds, runtime.objects().size());
        assertEquals(0, losersWithAttachedRoots,
                "a create that lost the race for its name left its root attached (unusable for a retry)");
    }

    // ---- racing misses ----------------------------------------------------------------------

    private static final int RACERS = 6;
    private static final int FRESH_OBJECTS = 500;

    @Test
    void racingFirstCallsOnTheOnlySlotOfADistributedObjectCreateExactlyOneRep() throws Exception {
        racingFirstCalls(new ClusteredObjectRuntime(1), RootKind.DISTRIBUTED);
    }

    @Test
    void racingFirstCallsOnASharedObjectCreateExactlyOneRep() throws Exception {
        racingFirstCalls(new ClusteredObjectRuntime(4), RootKind.SHARED);
    }

    @Test
    void racingFirstCallsOnADistributedObjectCreateExactlyOneRepPerSlot() throws Exception {
        racingFirstCalls(new ClusteredObjectRuntime(4), RootKind.DISTRIBUTED);
    }

    @Test
    void racingFirstCallsOnAClusteredObjectCreateExactlyOneRepPerCluster() throws Exception {
        racingFirstCalls(new ClusteredObjectRuntime(4), RootKind.CLUSTERED);
    }

    /**
     * For each of many fresh objects, releases {@link #RACERS} threads by a barrier into their
     * first call; each Rep answers its own creation number, so every caller on a slot must get
     * the same answer, and the factory must have run once per Rep index the racers' slots use.
     */
    private static void racingFirstCalls(ClusteredObjectRuntime runtime, RootKind kind) throws Exception {
        int slots = runtime.slotCount();
        AtomicIntegerArray creations = new AtomicIntegerArray(FRESH_OBJECTS);
        List<ClusteredObject<Value>> objects = new ArrayList<>();
        for (int o = 0; o < FRESH_OBJECTS; o++) {
            int object = o;
            AtomicInteger sequence = new AtomicInteger();
            IntFunction<Value> factory = repIndex -> {
                creations.incrementAndGet(object);
                return new ValueRep(repIndex * 1_000L + sequence.incrementAndGet());
            };
            objects.add(runtime.create(kind + "-race-" + o, Value.class, kind, factory));
        }
        long[][] answers = new long[FRESH_OBJECTS][RACERS];
        int[] slotOfRacer = new int[RACERS];
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CyclicBarrier barrier = new CyclicBarrier(RACERS);
        List<Thread> racers = new ArrayList<>();
        for (int r = 0; r < RACERS; r++) {
            int racer = r;
            racers.add(new Thread(() -> {
                try {
                    slotOfRacer[racer] = ProcessorSlots.of(slots).current();
                    for (int o = 0; o < FRESH_OBJECTS; o++) {
                        Value stub = objects.get(o).stub();
                        barrier.await(30, TimeUnit.SECONDS);
                        answers[o][racer] = stub.get();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                    barrier.reset();
                }
            }, "racer-" + r));
        }
        racers.forEach(Thread::start);
        for (Thread racer : racers) {
            racer.join(TimeUnit.SECONDS.toMillis(60));
            assertFalse(racer.isAlive(), racer.getName() + " did not finish");
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("a racer failed", failures.peek());
        }

        Set<Integer> repIndexesUsed = new HashSet<>();
        for (int slot : slotOfRacer) {
            repIndexesUsed.add(switch (kind) {
                case SHARED -> 0;
                case DISTRIBUTED -> slot;
                case CLUSTERED -> slot / ClusteredObjectRuntime.DEFAULT_CLUSTER_SIZE;
            });
        }
        for (int o = 0; o < FRESH_OBJECTS; o++) {
            assertEquals(repIndexesUsed.size(), creations.get(o),
                    "object " + o + ": Reps created for rep indexes " + repIndexesUsed + " (" + slots + " slots)");
            for (int r = 0; r < RACERS; r++) {
                int repIndex = switch (kind) {
                    case SHARED -> 0;
                    case DISTRIBUTED -> slotOfRacer[r];
                    case CLUSTERED -> slotOfRacer[r] / ClusteredObjectRuntime.DEFAULT_CLUSTER_SIZE;
                };
                assertEquals(repIndex, answers[o][r] / 1_000L, "racer " + r + " reached the Rep of another index");
                for (int q = 0; q < RACERS; q++) {
                    if (slotOfRacer[q] == slotOfRacer[r] || kind == RootKind.SHARED) {
                        assertEquals(answers[o][q], answers[o][r],
                                "object " + o + ": racers " + q + " and " + r + " reached different Reps");
                    }
                }
            }
            assertEquals(repIndexesUsed.size(), ((ManagedObject<?>) objects.get(o)).currentRoot().reps().size());
        }
    }
}
