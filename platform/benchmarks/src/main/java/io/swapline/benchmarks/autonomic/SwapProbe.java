package io.swapline.benchmarks.autonomic;

import java.util.Locale;

import io.swapline.api.ClusteredObject;
import io.swapline.benchmarks.kv.KvWorkload;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.examples.kv.KeyValueStore;
import io.swapline.examples.kv.snapshot.SnapshotKeyValueStore;
import io.swapline.examples.kv.striped.StripedKeyValueStore;

/**
 * A diagnostic: throughput in 250 ms windows of 2 client threads on one object, fixed or with
 * explicit swaps (no policy). Args: {@code counter|kv fixed|swap [extra round trips before the
 * last swap, 0] [seconds after, 4]}. counter: shared then distributed; kv: striped then snapshot
 * (read-heavy mix). "fixed" starts on the final implementation.
 */
public final class SwapProbe {

    private SwapProbe() {
    }

    public static void main(String[] args) throws Exception {
        String scenario = args[0];
        boolean swap = args[1].equals("swap");
        int roundTrips = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        try (ClusteredObjectRuntime runtime = new ClusteredObjectRuntime()) {
            ClientThreads clients;
            Runnable toFinal;
            Runnable toFirst;
            if (scenario.equals("counter")) {
                ClusteredObject<BenchCounter> counter = runtime.create("counter", BenchCounter.class,
                        swap ? new BenchCounters.Shared() : new BenchCounters.Distributed());
                BenchCounter stub = counter.stub();
                clients = new ClientThreads(2, thread -> stub::increment);
                toFinal = () -> runtime.swap(counter, new BenchCounters.Distributed());
                toFirst = () -> runtime.swap(counter, new BenchCounters.Shared());
            } else if (scenario.equals("kvw")) { // write-heavy: snapshot then striped
                ClusteredObject<KeyValueStore> kv = runtime.create("kv", KeyValueStore.class,
                        swap ? new SnapshotKeyValueStore() : new StripedKeyValueStore());
                KvWorkload workload = new KvWorkload(kv.stub(), KvScenario.KEYS);
                clients = new ClientThreads(2, thread -> {
                    KvWorkload.Mix random = new KvWorkload.Mix();
                    return () -> workload.operation(random, KvScenario.WRITE_HEAVY);
                });
                toFinal = () -> runtime.swap(kv, new StripedKeyValueStore());
                toFirst = () -> runtime.swap(kv, new SnapshotKeyValueStore());
            } else {
                ClusteredObject<KeyValueStore> kv = runtime.create("kv", KeyValueStore.class,
                        swap ? new StripedKeyValueStore() : new SnapshotKeyValueStore());
                KvWorkload workload = new KvWorkload(kv.stub(), KvScenario.KEYS);
                clients = new ClientThreads(2, thread -> {
                    KvWorkload.Mix random = new KvWorkload.Mix();
                    return () -> workload.operation(random, KvScenario.READ_HEAVY);
                });
                toFinal = () -> runtime.swap(kv, new SnapshotKeyValueStore());
                toFirst = () -> runtime.swap(kv, new StripedKeyValueStore());
            }
            clients.add();
            clients.add();
            Thread.sleep(1500);
            if (swap) {
                for (int i = 0; i < roundTrips; i++) {
                    toFinal.run();
                    Thread.sleep(300);
                    toFirst.run();
                    Thread.sleep(300);
                }
                long t0 = System.nanoTime();
                toFinal.run();
                System.out.printf(Locale.ROOT, "SWAP took %.1f ms%n", (System.nanoTime() - t0) / 1e6);
            }
            StringBuilder windows = new StringBuilder();
            long last = clients.calls().sum();
            long lastT = System.nanoTime();
            double tail = 0;
            int n = seconds * 4;
            for (int i = 0; i < n; i++) {
                Thread.sleep(250);
                long now = clients.calls().sum();
                long t = System.nanoTime();
                double mops = (now - last) * 1e3 / (t - lastT);
                windows.append(String.format(Locale.ROOT, " %.0f", mops));
                if (i >= n / 2) {
                    tail += mops / (n - n / 2);
                }
                last = now;
                lastT = t;
            }
            clients.removeAll();
            System.out.printf(Locale.ROOT, "PROBE %s %s rt=%d windows:%s | second half mean %.1f Mops/s%n", scenario,
                    args[1], roundTrips, windows, tail);
        }
    }
}
