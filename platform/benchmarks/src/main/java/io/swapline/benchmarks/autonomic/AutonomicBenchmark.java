package io.swapline.benchmarks.autonomic;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 6's benchmark: throughput with each fixed implementation and with the autonomic policy,
 * per phase of a changing load, in one run — the counter under 2-thread contention and then 1
 * thread ({@link CounterScenario}), and the key-value store under a read-heavy and then a
 * write-heavy mix ({@link KvScenario}). Target: with the policy, each phase within 10 % of the
 * better fixed implementation. The policy's phase figure counts from the phase's first moment,
 * so it includes the time the policy takes to notice the new load and to swap; the figure after
 * the swap is reported beside it. The policy runs twice: in a fresh JVM, and with the swap path
 * warmed at start-up ({@link SwapPathWarmUp}).
 *
 * <p>Not JMH: the phases and the policy's swaps run on their own threads over seconds; each
 * configuration runs in a JVM of its own (as JMH forks do), so that one configuration's classes
 * do not make the client loop's call site megamorphic for the next; every configuration runs
 * {@code runs} times, in turns, and the table shows medians. Run:
 * {@code java -cp platform/benchmarks/target/benchmarks.jar
 * io.swapline.benchmarks.autonomic.AutonomicBenchmark [seconds per phase, 5] [runs, 3]}.
 */
public final class AutonomicBenchmark {

    private static final long WARM_UP_MILLIS = 1_000;

    private AutonomicBenchmark() {
    }

    /**
     * Runs the benchmark and prints the tables; a child JVM runs one configuration.
     *
     * @param args seconds per measured phase and runs; a child JVM gets the scenario and variant
     *     instead of the runs
     * @throws Exception if a child JVM fails
     */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        if (args.length > 2) {
            PhaseResult[] phases = runHere(args[1], Variant.valueOf(args[2]), seconds * 1_000L);
            System.out.println("RESULT " + phases[0].encode() + " " + phases[1].encode());
            return;
        }
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Map<Variant, List<PhaseResult[]>> counter = new EnumMap<>(Variant.class);
        Map<Variant, List<PhaseResult[]>> kv = new EnumMap<>(Variant.class);
        for (int run = 1; run <= runs; run++) {
            for (Variant variant : Variant.values()) {
                counter.computeIfAbsent(variant, v -> new ArrayList<>()).add(inChildJvm(seconds, "counter", variant));
                kv.computeIfAbsent(variant, v -> new ArrayList<>()).add(inChildJvm(seconds, "kv", variant));
            }
        }
        System.out.printf(Locale.ROOT, "%nCounter, Mops/s, median of %d runs of %d s per phase%n", runs, seconds);
        new ResultTable("2 threads", "1 thread", "shared", "distributed", "starts shared").print(counter);
        System.out.printf(Locale.ROOT, "%nKey-value store (%d keys, 2 threads), Mops/s, median of %d runs of %d s per phase%n",
                KvScenario.KEYS, runs, seconds);
        new ResultTable(String.format(Locale.ROOT, "read-heavy (%.1f %% reads)", 100 * (1 - KvScenario.READ_HEAVY)),
                String.format(Locale.ROOT, "write-heavy (%.0f %% reads)", 100 * (1 - KvScenario.WRITE_HEAVY)),
                "snapshot", "striped", "starts striped").print(kv);
    }

    private static PhaseResult[] runHere(String scenario, Variant variant, long phaseMillis) throws InterruptedException {
        return switch (scenario) {
            case "counter" -> CounterScenario.run(variant, phaseMillis, WARM_UP_MILLIS);
            case "kv" -> KvScenario.run(variant, phaseMillis, WARM_UP_MILLIS);
            default -> throw new IllegalArgumentException("no scenario " + scenario);
        };
    }

    private static PhaseResult[] inChildJvm(int seconds, String scenario, Variant variant) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AutonomicBenchmark.class.getName(), Integer.toString(seconds), scenario, variant.name())
                .redirectErrorStream(true).start();
        PhaseResult[] result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RESULT ")) {
                    result = Arrays.stream(line.substring(7).split(" ")).map(PhaseResult::decode).toArray(PhaseResult[]::new);
                } else {
                    System.out.println(line);
                }
            }
        }
        if (child.waitFor() != 0 || result == null) {
            throw new IllegalStateException(scenario + " " + variant + " failed with exit code " + child.exitValue());
        }
        System.out.printf(Locale.ROOT, "%s %s: %s%n", scenario, variant, ResultTable.describe(result));
        return result;
    }
}
