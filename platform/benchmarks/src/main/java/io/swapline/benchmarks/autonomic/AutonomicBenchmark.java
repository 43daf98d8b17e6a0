package io.swapline.benchmarks.autonomic;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import io.swapline.api.ClusteredObject;
import io.swapline.api.Root;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.core.autonomic.AutonomicPolicies;
import io.swapline.core.autonomic.AutonomicPolicy;

/**
 * Counter throughput with a fixed shared implementation, a fixed distributed one and the
 * autonomic policy (starting shared), in one run: a contended phase (2 client threads) and then
 * a quiet one (1 thread). With the policy, each phase should be within 10 % of the better fixed
 * implementation (issue 6's target); the policy's phase includes the time it takes to notice
 * and swap.
 *
 * <p>Not JMH: the phases and the policy's swaps run on their own threads over seconds; each
 * configuration runs in a JVM of its own, as JMH forks do. Run:
 * {@code java -cp platform/benchmarks/target/benchmarks.jar
 * io.swapline.benchmarks.autonomic.AutonomicBenchmark [seconds per phase]}.
 */
public final class AutonomicBenchmark {

    private static final String SHARED = BenchCounters.Shared.class.getName();
    private static final String DISTRIBUTED = BenchCounters.Distributed.class.getName();

    private AutonomicBenchmark() {
    }

    /**
     * Runs the benchmark and prints a table: each configuration in a JVM of its own, so that one
     * configuration's stub classes do not make the client loop's call site megamorphic for the
     * next.
     *
     * @param args seconds per measured phase (default 5); a child JVM also gets the configuration
     * @throws Exception if a child JVM fails
     */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        if (args.length > 1) {
            double[] result = run(args[1], Duration.ofSeconds(seconds));
            System.out.printf(Locale.ROOT, "RESULT %f %f%n", result[0], result[1]);
            return;
        }
        double[] shared = inChildJvm(seconds, "shared");
        double[] distributed = inChildJvm(seconds, "distributed");
        double[] policy = inChildJvm(seconds, "policy");
        System.out.println();
        System.out.println("| configuration | 2 threads (Mops/s) | 1 thread (Mops/s) |");
        System.out.println("|---|---|---|");
        row("fixed shared", shared);
        row("fixed distributed", distributed);
        row("policy (starts shared)", policy);
        System.out.printf(Locale.ROOT, "| policy / better fixed | %.2f | %.2f |%n",
                policy[0] / Math.max(shared[0], distributed[0]), policy[1] / Math.max(shared[1], distributed[1]));
    }

    private static double[] inChildJvm(int seconds, String configuration) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AutonomicBenchmark.class.getName(), Integer.toString(seconds), configuration)
                .redirectErrorStream(true).start();
        double[] result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RESULT ")) {
                    String[] fields = line.split(" ");
                    result = new double[] {Double.parseDouble(fields[1]), Double.parseDouble(fields[2])};
                } else {
                    System.out.println(line);
                }
            }
        }
        if (child.waitFor() != 0 || result == null) {
            throw new IllegalStateException(configuration + " failed with exit code " + child.exitValue());
        }
        return result;
    }

    private static double[] run(String configuration, Duration phase) throws InterruptedException {
        return switch (configuration) {
            case "shared" -> run("fixed shared", BenchCounters.Shared::new, false, phase);
            case "distributed" -> run("fixed distributed", BenchCounters.Distributed::new, false, phase);
            case "policy" -> run("policy", BenchCounters.Shared::new, true, phase);
            default -> throw new IllegalArgumentException("no configuration " + configuration);
        };
    }

    private static double[] run(String name, Supplier<Root<BenchCounter>> initial, boolean withPolicy, Duration phase)
            throws InterruptedException {
        try (ClusteredObjectRuntime runtime = new ClusteredObjectRuntime();
                AutonomicPolicies policies = new AutonomicPolicies(runtime)) {
            ClusteredObject<BenchCounter> counter = runtime.create("counter", BenchCounter.class, initial.get());
            if (withPolicy) {
                policies.enable(counter, AutonomicPolicy.<BenchCounter>builder()
                        .candidate(SHARED, BenchCounters.Shared::new, BenchCounters.SHARED_SUITS)
                        .candidate(DISTRIBUTED, BenchCounters.Distributed::new, BenchCounters.DISTRIBUTED_SUITS)
                        .samplingPeriod(Duration.ofMillis(100))
                        .hysteresis(0.5)
                        .minimumDwell(Duration.ofSeconds(1))
                        .maximumSwaps(4, Duration.ofMinutes(1))
                        .build());
            }
            LongAdder calls = new LongAdder();
            Clients clients = new Clients(counter.stub(), calls);
            clients.add();
            clients.add();
            Thread.sleep(1_000); // warm-up, before the policy has anything to say
            calls.reset();
            Thread.sleep(phase.toMillis());
            double contended = calls.sum() / (phase.toNanos() / 1e9) / 1e6;
            String afterContended = counter.implementationName();
            policies.status("counter").ifPresent(status -> System.out.println("  after 2 threads: " + status.lastDecision()));
            clients.removeOne();
            calls.reset();
            Thread.sleep(phase.toMillis());
            double quiet = calls.sum() / (phase.toNanos() / 1e9) / 1e6;
            String afterQuiet = counter.implementationName();
            clients.removeAll();
            long expected = clients.acknowledged();
            if (counter.stub().sum() != expected) {
                throw new AssertionError(name + ": count " + counter.stub().sum() + " != acknowledged " + expected);
            }
            System.out.printf(Locale.ROOT, "%s: 2 threads %.1f Mops/s (serving %s), 1 thread %.1f Mops/s (serving %s), "
                    + "%d swaps%n", name, contended, simple(afterContended), quiet, simple(afterQuiet), counter.swapCount());
            policies.status("counter").ifPresent(status -> {
                status.swaps().forEach(swap -> System.out.println("  " + swap));
                System.out.println("  after 1 thread: " + status.lastDecision());
            });
            return new double[] {contended, quiet};
        }
    }

    private static void row(String name, double[] mops) {
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f |%n", name, mops[0], mops[1]);
    }

    private static String simple(String implementation) {
        return implementation.substring(implementation.lastIndexOf('$') + 1);
    }

    /** Client threads incrementing as fast as they can, each stopped on demand. */
    private static final class Clients {
        private final BenchCounter counter;
        private final LongAdder calls;
        private final List<Client> running = new ArrayList<>();
        private long acknowledged;

        Clients(BenchCounter counter, LongAdder calls) {
            this.counter = counter;
            this.calls = calls;
        }

        void add() {
            Client client = new Client();
            running.add(client);
            client.start();
        }

        void removeOne() throws InterruptedException {
            Client client = running.remove(running.size() - 1);
            client.running = false;
            client.join();
            acknowledged += client.done;
        }

        void removeAll() throws InterruptedException {
            while (!running.isEmpty()) {
                removeOne();
            }
        }

        long acknowledged() {
            return acknowledged;
        }

        private final class Client extends Thread {
            volatile boolean running = true;
            long done; // read after join

            @Override
            public void run() {
                while (running) {
                    counter.increment();
                    calls.increment();
                    done++;
                }
            }
        }
    }
}
