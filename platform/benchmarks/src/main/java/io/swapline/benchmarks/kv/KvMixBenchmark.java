package io.swapline.benchmarks.kv;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import io.swapline.api.ClusteredObject;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.examples.kv.KeyValueStore;

/**
 * Where the key-value stores cross over: throughput of the snapshot and the striped store, each
 * behind its stub, for 2 threads calling {@code get} and {@code put} of existing keys in a given
 * mix. The suitability boundary of both ({@code writeRatio}) is put where the curves cross at the
 * map size the benchmarks and the demo use.
 *
 * <p>{@code java -jar platform/benchmarks/target/benchmarks.jar KvMixBenchmark -f 1 -wi 2 -w 1s -i 3 -r 1s}
 */
@State(Scope.Benchmark)
@Threads(2)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KvMixBenchmark {

    /** Which implementation serves the object. */
    @Param({"snapshot", "striped"})
    public String implementation;

    /** The number of keys, all present from the start. */
    @Param({"100"})
    public int keys;

    /** Writes (puts) per operation. */
    @Param({"0", "0.001", "0.004", "0.008", "0.012", "0.016", "0.024", "0.1", "0.5"})
    public double writeRatio;

    private ClusteredObjectRuntime runtime;
    private KvWorkload workload;

    /** Creates the object and fills it. */
    @Setup
    public void setUp() {
        runtime = new ClusteredObjectRuntime();
        ClusteredObject<KeyValueStore> store = runtime.create("kv", KeyValueStore.class, KvImplementations.root(implementation));
        workload = new KvWorkload(store.stub(), keys);
    }

    /** Closes the runtime. */
    @TearDown
    public void tearDown() {
        runtime.close();
    }

    /**
     * One operation of the mix.
     *
     * @param mix the calling thread's random mix
     * @return the value read or replaced
     */
    @Benchmark
    public String operation(KvWorkload.Mix mix) {
        return workload.operation(mix, writeRatio);
    }
}
