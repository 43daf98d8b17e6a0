package io.swapline.benchmarks;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.swapline.api.ClusteredObject;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.core.table.ProcessorSlots;

/**
 * Increments of one counter shared by two threads: a distributed clustered object
 * ({@link DistributedCounter}: a padded cell per slot, summed on read) against one
 * {@code AtomicLong} (the baseline), with the JDK's {@code LongAdder} for comparison. All three
 * are reached by an interface call on a field typed as {@link Counter}; throughput in
 * operations per microsecond, both threads together.
 *
 * <p><b>Why it is fair.</b> The counters are shared ({@link Scope#Benchmark}): both threads
 * increment the same counter object, which is the situation a distributed object is made
 * for. The distributed counter only wins if the two threads land on different slots; a
 * thread's slot is {@code threadId & (slots - 1)}, and JMH creates its workers one after the
 * other, so with two slots they should. Each worker records its slot at set-up and the
 * tear-down prints the slots and how many increments each Rep got, so a run where both threads
 * shared one slot (and so one Rep) is visible in the output.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(2)
public class DistributedCounterBenchmark {

    /** The counters, shared by all workers. */
    @State(Scope.Benchmark)
    public static class Counters {
        Counter distributedStub;
        Counter atomicLong;
        Counter longAdder;

        final Map<String, Integer> workerSlots = new ConcurrentHashMap<>();
        private ClusteredObjectRuntime runtime;
        private DistributedCounter root;
        private ClusteredObject<Counter> distributed;

        /** Creates the counters. */
        @Setup(Level.Trial)
        public void setUp() {
            runtime = new ClusteredObjectRuntime();
            root = new DistributedCounter();
            distributed = runtime.create("counter", Counter.class, root);
            distributedStub = distributed.stub();
            atomicLong = new AtomicCounter();
            longAdder = new LongAdderCounter();
        }

        /** Reports which slots the workers used and how the increments spread over the Reps. */
        @TearDown(Level.Trial)
        public void tearDown() {
            Map<Integer, Long> perRep = new TreeMap<>();
            for (int i = 0; i < root.repCount(); i++) {
                DistributedCounter.Rep rep = (DistributedCounter.Rep) root.repAt(i);
                if (rep != null) {
                    perRep.put(i, rep.get());
                }
            }
            long distinctSlots = workerSlots.values().stream().distinct().count();
            System.out.println();
            System.out.println("slots: " + runtime.slotCount() + ", worker slots: " + new TreeMap<>(workerSlots)
                    + (distinctSlots == workerSlots.size() ? " (all distinct)"
                            : " WARNING: workers share a slot, so they share a Rep")
                    + ", increments per Rep: " + perRep + ", sum(): " + distributedStub.sum());
            runtime.destroy(distributed);
        }
    }

    /** Records the worker's slot; holds nothing the benchmark reads. */
    @State(Scope.Thread)
    public static class Worker {
        /**
         * Records the calling worker's slot.
         *
         * @param counters the shared state
         */
        @Setup(Level.Trial)
        public void setUp(Counters counters) {
            String name = Thread.currentThread().getName(); // "<benchmark>-jmh-worker-<n>"
            counters.workerSlots.put(name.substring(name.lastIndexOf("-jmh-") + 5), ProcessorSlots.of(counters.runtime.slotCount()).current());
        }
    }

    @Benchmark
    public void increment_atomicLong(Counters c, Worker w) {
        c.atomicLong.increment();
    }

    @Benchmark
    public void increment_distributedStub(Counters c, Worker w) {
        c.distributedStub.increment();
    }

    @Benchmark
    public void increment_longAdder(Counters c, Worker w) {
        c.longAdder.increment();
    }
}
