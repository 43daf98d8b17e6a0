package io.swapline.benchmarks;

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
import org.openjdk.jmh.annotations.Warmup;

import io.swapline.api.ClusteredObject;
import io.swapline.api.RootKind;
import io.swapline.core.ClusteredObjectRuntime;

/**
 * The cost of one call through each front end, against a direct interface call on the same
 * implementation ({@link FieldCell}) in the same run.
 *
 * <p>Methods are named {@code <workload>_<path>}: the workloads are {@code get} (returns a
 * field: shows the call path's cost almost alone) and {@code increment} (an
 * {@code AtomicLong} increment: a body of a few nanoseconds); the paths are
 * <ul>
 *   <li>{@code direct}: the baseline, a call on a field typed as the interface that holds the
 *       implementation. The call site sees one receiver class, as every other path's does, so
 *       the JIT treats all of them alike (profiled, inlined behind one class check);
 *   <li>{@code sharedStub}: the stub of a clustered object with a shared root;
 *   <li>{@code distributedStub}: the stub of a clustered object with a distributed root (slot
 *       lookup by thread id, an opaque read of the slot's Rep);
 *   <li>{@code proxy}: a {@code java.lang.reflect.Proxy} forwarding with {@code Method.invoke};
 *   <li>{@code volatileHolder}: a front end that forwards through a {@code volatile} field.
 * </ul>
 *
 * <p><b>Why it is fair.</b> Every method returns the call's result, which JMH consumes with a
 * Blackhole, so no call can be eliminated. The state is per thread ({@link Scope#Thread}):
 * each worker has its own implementation and its own clustered objects, so at two threads the
 * workloads share no data and the figures show the call path under concurrent use, not
 * contention on one {@code AtomicLong} (which would cost tens of nanoseconds and hide every
 * difference; {@link DistributedCounterBenchmark} measures sharing). One consequence: at two
 * threads the stub call sites see two stub classes (one per object), i.e. they are bimorphic
 * where the other paths stay monomorphic; at one thread all are monomorphic. Every object is
 * called once in set-up, so the first-call misses (and the shared stub's retarget) happen
 * before warm-up. Run with {@code -t 1} and {@code -t 2}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CallPathBenchmark {

    /** One worker's front ends, all over implementations of the same class. */
    @State(Scope.Thread)
    public static class Paths {
        Cell direct;
        Cell sharedStub;
        Cell distributedStub;
        Cell proxy;
        Cell volatileHolder;

        private ClusteredObjectRuntime runtime;
        private ClusteredObject<Cell> shared;
        private ClusteredObject<Cell> distributed;

        /** Builds the front ends and calls each once. */
        @Setup(Level.Trial)
        public void setUp() {
            runtime = new ClusteredObjectRuntime();
            direct = new FieldCell(42);
            shared = runtime.create("cell-shared", Cell.class, RootKind.SHARED, repIndex -> new FieldCell(42));
            distributed = runtime.create("cell-distributed", Cell.class, RootKind.DISTRIBUTED,
                    repIndex -> new FieldCell(42));
            sharedStub = shared.stub();
            distributedStub = distributed.stub();
            proxy = ForwardingProxy.of(Cell.class, new FieldCell(42));
            volatileHolder = new VolatileHolder(new FieldCell(42));
            for (Cell cell : new Cell[] {direct, sharedStub, distributedStub, proxy, volatileHolder}) {
                if (cell.get() != 42) {
                    throw new IllegalStateException(cell + " does not reach its implementation");
                }
                cell.increment();
            }
        }

        /** Destroys the clustered objects. */
        @TearDown(Level.Trial)
        public void tearDown() {
            runtime.destroy(shared);
            runtime.destroy(distributed);
        }
    }

    @Benchmark
    public long get_direct(Paths p) {
        return p.direct.get();
    }

    @Benchmark
    public long get_sharedStub(Paths p) {
        return p.sharedStub.get();
    }

    @Benchmark
    public long get_distributedStub(Paths p) {
        return p.distributedStub.get();
    }

    @Benchmark
    public long get_proxy(Paths p) {
        return p.proxy.get();
    }

    @Benchmark
    public long get_volatileHolder(Paths p) {
        return p.volatileHolder.get();
    }

    @Benchmark
    public long increment_direct(Paths p) {
        return p.direct.increment();
    }

    @Benchmark
    public long increment_sharedStub(Paths p) {
        return p.sharedStub.increment();
    }

    @Benchmark
    public long increment_distributedStub(Paths p) {
        return p.distributedStub.increment();
    }

    @Benchmark
    public long increment_proxy(Paths p) {
        return p.proxy.increment();
    }

    @Benchmark
    public long increment_volatileHolder(Paths p) {
        return p.volatileHolder.increment();
    }
}
