package io.swapline.benchmarks.swap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import io.swapline.api.ClusteredObject;
import io.swapline.api.SwapPhase;
import io.swapline.api.SwapRecord;
import io.swapline.core.ClusteredObjectRuntime;

/**
 * The swap benchmark: two busy client threads increment a counter while the main thread swaps
 * it back and forth between a shared and a distributed implementation. Reports swap latency
 * (request to complete), the longest time any call was blocked by each swap, the time in each
 * phase, and the clients' throughput before, during and after the swaps; and checks that no
 * increment was lost.
 *
 * <p>Not JMH: a swap is a multi-millisecond event whose distribution matters, and the clients
 * must run during it. Run: {@code java -cp platform/benchmarks/target/benchmarks.jar
 * io.swapline.benchmarks.swap.SwapBenchmark [swaps] [clients]}.
 */
public final class SwapBenchmark {

    private SwapBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args swaps (default 1000), client threads (default 2)
     * @throws Exception if a thread is interrupted
     */
    public static void main(String[] args) throws Exception {
        int swaps = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        try (ClusteredObjectRuntime runtime = new ClusteredObjectRuntime()) {
            ClusteredObject<SwapCounter> counter = runtime.create("counter", SwapCounter.class, SwapCounters.shared());
            SwapCounter stub = counter.stub();
            LongAdder calls = new LongAdder();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Thread client = new Thread(() -> {
                    while (!stop.get()) {
                        stub.increment();
                        calls.increment();
                    }
                }, "client-" + c);
                threads.add(client);
                client.start();
            }

            Thread.sleep(2_000); // warm-up: the clients' loops get compiled
            double before = throughput(calls, Duration.ofSeconds(2));

            long[] latency = new long[swaps];
            long[] longestBlock = new long[swaps];
            Map<SwapPhase, long[]> phases = new EnumMap<>(SwapPhase.class);
            long callsAtStart = calls.sum();
            long start = System.nanoTime();
            int completed = 0;
            for (int i = 0; i < swaps; i++) {
                long requested = System.nanoTime();
                SwapRecord record = runtime.swap(counter,
                        i % 2 == 0 ? SwapCounters.distributed() : SwapCounters.shared());
                latency[i] = System.nanoTime() - requested;
                longestBlock[i] = record.longestBlock().toNanos();
                for (SwapPhase phase : SwapPhase.values()) {
                    phases.computeIfAbsent(phase, p -> new long[swaps])[i] = record.timeIn(phase).toNanos();
                }
                completed += record.completed() ? 1 : 0;
            }
            double during = (calls.sum() - callsAtStart) / ((System.nanoTime() - start) / 1e9);
            double after = throughput(calls, Duration.ofSeconds(2));

            stop.set(true);
            for (Thread client : threads) {
                client.join();
            }
            long lost = calls.sum() - stub.sum();

            System.out.printf("swaps: %d (%d completed), clients: %d, %s, %d cores%n", swaps, completed, clients,
                    System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors());
            System.out.println("| measure | median | p99 | max |");
            System.out.println("|---|---|---|---|");
            row("swap latency (request to complete)", latency);
            row("longest blocked call per swap", longestBlock);
            for (SwapPhase phase : List.of(SwapPhase.PREPARE, SwapPhase.FORWARD, SwapPhase.BLOCK,
                    SwapPhase.TRANSFER, SwapPhase.COMPLETE)) {
                row("phase " + phase.name().toLowerCase(), phases.get(phase));
            }
            System.out.printf("client throughput (calls/s): before %.3g, during %.3g, after %.3g%n", before, during,
                    after);
            System.out.printf("increments lost: %d%n", lost);
        }
    }

    private static double throughput(LongAdder calls, Duration window) throws InterruptedException {
        long first = calls.sum();
        long start = System.nanoTime();
        Thread.sleep(window.toMillis());
        return (calls.sum() - first) / ((System.nanoTime() - start) / 1e9);
    }

    private static void row(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("| %s | %s | %s | %s |%n", name, ms(sorted[sorted.length / 2]),
                ms(sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)]),
                ms(sorted[sorted.length - 1]));
    }

    private static String ms(long nanos) {
        return String.format("%.3f ms", nanos / 1e6);
    }
}
