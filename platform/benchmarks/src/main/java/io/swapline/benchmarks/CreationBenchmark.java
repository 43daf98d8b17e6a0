package io.swapline.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.swapline.api.ClusteredObject;
import io.swapline.api.RootKind;
import io.swapline.core.ClusteredObjectRuntime;

/**
 * Creating many clustered objects: time, retained heap and Metaspace per object. A plain
 * {@code main()}, not JMH: the quantity of interest is one bulk operation and the memory it
 * leaves behind, not a steady-state rate.
 *
 * <p>Run: {@code java -cp benchmarks.jar io.swapline.benchmarks.CreationBenchmark [count]}
 * (default 100,000). Two rounds in one JVM: <em>cold</em> (the creation path is interpreted
 * and compiled as it runs, as on an application's start) and <em>warm</em> (after the cold
 * round's objects were destroyed and collected). Each round:
 * <ol>
 *   <li>creates {@code count} objects with a shared root and a {@link TinyRep} factory and
 *       keeps them reachable; names are made beforehand, so their strings are not counted;
 *   <li>calls every stub once: a shared root creates its Rep on the first call (the miss), so
 *       this is when the Reps come to exist;
 *   <li>destroys every object.
 * </ol>
 * Memory is read after {@code System.gc()} has settled ({@link MemorySnapshot}) before and
 * after each step. The Reps' own size is measured the same way on an array of
 * {@code count} plain {@code TinyRep}s and subtracted from the figure after the first calls.
 * Metaspace is native memory, not heap: each object's stub is a class of its own in a class
 * loader of its own, so it is reported separately.
 */
public final class CreationBenchmark {

    private static final int DEFAULT_COUNT = 100_000;

    private final int count;
    private final ClusteredObjectRuntime runtime = new ClusteredObjectRuntime();

    private CreationBenchmark(int count) {
        this.count = count;
    }

    /**
     * Runs the cold and the warm round and prints the results.
     *
     * @param args optionally, the number of objects
     */
    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_COUNT;
        System.out.printf(Locale.ROOT, "%s %s, %d processors, %d objects%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), Runtime.getRuntime().availableProcessors(), count);
        CreationBenchmark benchmark = new CreationBenchmark(count);
        double repBytes = benchmark.repBytes();
        System.out.printf(Locale.ROOT, "TinyRep: %.1f bytes each (measured)%n", repBytes);
        benchmark.round("cold", repBytes);
        benchmark.round("warm", repBytes);
    }

    /** The retained heap of one TinyRep, measured on {@code count} of them. */
    private double repBytes() {
        Object[] reps = new Object[count];
        MemorySnapshot before = MemorySnapshot.afterGc();
        for (int i = 0; i < count; i++) {
            reps[i] = new TinyRep(i);
        }
        MemorySnapshot after = MemorySnapshot.afterGc();
        double perRep = (after.heap() - before.heap()) / (double) count;
        if (reps[count - 1] == null) { // keeps the array reachable until here
            throw new AssertionError();
        }
        return perRep;
    }

    private void round(String label, double repBytes) {
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = label + "-" + i;
        }
        List<ClusteredObject<Tiny>> objects = new ArrayList<>(count);

        MemorySnapshot empty = MemorySnapshot.afterGc();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            objects.add(runtime.create(names[i], Tiny.class, RootKind.SHARED, TinyRep::new));
        }
        long created = System.nanoTime();
        MemorySnapshot afterCreate = MemorySnapshot.afterGc();

        long firstCallsStart = System.nanoTime();
        long sum = 0;
        for (ClusteredObject<Tiny> object : objects) {
            sum += object.stub().id();
        }
        long firstCallsEnd = System.nanoTime();
        MemorySnapshot afterCalls = MemorySnapshot.afterGc();

        long destroyStart = System.nanoTime();
        for (ClusteredObject<Tiny> object : objects) {
            runtime.destroy(object);
        }
        long destroyEnd = System.nanoTime();
        objects.clear();
        MemorySnapshot afterDestroy = MemorySnapshot.afterGc();
        if (sum != 0) { // every TinyRep of a shared root has index 0
            throw new AssertionError("unexpected sum " + sum);
        }

        System.out.printf(Locale.ROOT, "%n[%s round]%n", label);
        System.out.printf(Locale.ROOT, "create %d objects:   %8.1f ms  (%.2f us/object)%n", count,
                millis(created - start), micros(created - start) / count);
        System.out.printf(Locale.ROOT, "first call on each: %8.1f ms  (%.2f us/object; creates the Rep, retargets the call site)%n",
                millis(firstCallsEnd - firstCallsStart), micros(firstCallsEnd - firstCallsStart) / count);
        System.out.printf(Locale.ROOT, "destroy each:       %8.1f ms%n", millis(destroyEnd - destroyStart));
        double heapCreated = perObject(afterCreate.heap() - empty.heap());
        double heapCalled = perObject(afterCalls.heap() - empty.heap());
        System.out.printf(Locale.ROOT, "heap per object after create (no Rep yet):       %7.0f B%n", heapCreated);
        System.out.printf(Locale.ROOT, "heap per object after first call, incl. its Rep:  %7.0f B%n", heapCalled);
        System.out.printf(Locale.ROOT, "heap per object after first call, beyond its Rep: %7.0f B  (target < 500 B)%n",
                heapCalled - repBytes);
        System.out.printf(Locale.ROOT, "Metaspace per object after create:     %7.0f B  (of which compressed class space %.0f B)%n",
                perObject(afterCreate.metaspace() - empty.metaspace()),
                perObject(afterCreate.classSpace() - empty.classSpace()));
        System.out.printf(Locale.ROOT, "Metaspace per object after first call: %7.0f B%n",
                perObject(afterCalls.metaspace() - empty.metaspace()));
        System.out.printf(Locale.ROOT, "classes loaded: %d -> %d -> %d after destroy; heap after destroy %+.0f B/object,"
                        + " Metaspace after destroy %+.0f B/object%n",
                empty.loadedClasses(), afterCalls.loadedClasses(), afterDestroy.loadedClasses(),
                perObject(afterDestroy.heap() - empty.heap()), perObject(afterDestroy.metaspace() - empty.metaspace()));
        System.out.printf(Locale.ROOT, "total (create + first call): %.1f ms  (target < 1000 ms)%n",
                millis(created - start) + millis(firstCallsEnd - firstCallsStart));
    }

    private double perObject(long bytes) {
        return bytes / (double) count;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static double micros(long nanos) {
        return nanos / 1e3;
    }
}
