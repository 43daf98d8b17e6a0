package io.swapline.benchmarks.swap;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.swapline.api.ClusteredObject;
import io.swapline.api.Root;
import io.swapline.core.ClusteredObjectRuntime;

/**
 * Does a swap leave a trace on the normal call path? The cost of a call through the counter's
 * stub, against a direct call on an implementation of the same shape, after {@code swaps}
 * swaps made while a thread was calling the same stub (so its compiled code was deoptimised
 * and recompiled each time). With {@code swaps=0} and {@code swaps=1000} in the same run, the
 * ratio stub/direct should be the same.
 *
 * <p>The object ends on the shared implementation either way (an even number of swaps), so
 * both cases measure the same path: the folded shared Rep.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class CallPathAfterSwapsBenchmark {

    /** How many swaps happen before measuring. */
    @Param({"0", "1000"})
    public int swaps;

    private ClusteredObjectRuntime runtime;
    private SwapCounter stub;
    private SwapCounter direct;

    /**
     * Creates the counter and swaps it {@code swaps} times under a calling thread.
     *
     * @throws InterruptedException if interrupted
     */
    @Setup(Level.Trial)
    public void swapUnderLoad() throws InterruptedException {
        runtime = new ClusteredObjectRuntime();
        ClusteredObject<SwapCounter> counter = runtime.create("counter", SwapCounter.class, SwapCounters.shared());
        stub = counter.stub();
        Root<SwapCounter> plain = SwapCounters.shared(); // a Rep of the same class, called directly
        plain.attach(1);
        direct = plain.handleMiss(0);
        AtomicBoolean stop = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            while (!stop.get()) {
                stub.increment();
            }
        });
        caller.start();
        for (int i = 0; i < swaps; i++) {
            runtime.swap(counter, i % 2 == 0 ? SwapCounters.distributed() : SwapCounters.shared());
        }
        stop.set(true);
        caller.join();
    }

    /** Stops the runtime's threads. */
    @TearDown(Level.Trial)
    public void close() {
        runtime.close();
    }

    @Benchmark
    public long sum_direct() {
        return direct.sum();
    }

    @Benchmark
    public long sum_stub() {
        return stub.sum();
    }

    @Benchmark
    public void increment_direct() {
        direct.increment();
    }

    @Benchmark
    public void increment_stub() {
        stub.increment();
    }
}
