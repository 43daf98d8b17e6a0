package io.swapline.benchmarks.autonomic;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Prints one scenario's results as a Markdown table: per configuration, each phase's throughput
 * (whole phase, after the swap, when the swap was seen), medians over the runs, then the policy's
 * ratios to the better fixed implementation of each phase.
 */
final class ResultTable {

    private final String[] phaseNames;
    private final String first;
    private final String second;
    private final String policyStart;

    ResultTable(String firstPhase, String secondPhase, String first, String second, String policyStart) {
        this.phaseNames = new String[] {firstPhase, secondPhase};
        this.first = first;
        this.second = second;
        this.policyStart = policyStart;
    }

    void print(Map<Variant, List<PhaseResult[]>> results) {
        System.out.printf("| configuration | %s | after the swap | swap seen at | %s | after the swap | swap seen at |%n",
                phaseNames[0], phaseNames[1]);
        System.out.println("|---|---|---|---|---|---|---|");
        for (Variant variant : Variant.values()) {
            StringBuilder row = new StringBuilder("| ").append(label(variant));
            for (int phase = 0; phase < 2; phase++) {
                List<PhaseResult[]> runs = results.get(variant);
                row.append(" | ").append(mops(median(runs, phase, PhaseResult::mops)))
                        .append(" | ").append(mops(median(runs, phase, PhaseResult::mopsAfterSwap)))
                        .append(" | ").append(millis(median(runs, phase, PhaseResult::swapMillis)));
            }
            System.out.println(row.append(" |"));
        }
        for (Variant policy : List.of(Variant.POLICY, Variant.POLICY_WARM_SWAP_PATH)) {
            StringBuilder row = new StringBuilder("| ").append(label(policy)).append(" / better fixed");
            for (int phase = 0; phase < 2; phase++) {
                double better = Math.max(median(results.get(Variant.FIXED_FIRST), phase, PhaseResult::mops),
                        median(results.get(Variant.FIXED_SECOND), phase, PhaseResult::mops));
                row.append(String.format(Locale.ROOT, " | **%.2f** | %.2f | ",
                        median(results.get(policy), phase, PhaseResult::mops) / better,
                        median(results.get(policy), phase, PhaseResult::mopsAfterSwap) / better));
            }
            System.out.println(row.append(" |"));
        }
    }

    /** One configuration's run, on one line. */
    static String describe(PhaseResult[] phases) {
        StringBuilder line = new StringBuilder();
        for (PhaseResult phase : phases) {
            line.append(String.format(Locale.ROOT, "[%s Mops/s, after swap %s, swap seen at %s] ", mops(phase.mops()),
                    mops(phase.mopsAfterSwap()), millis(phase.swapMillis())));
        }
        return line.toString().strip();
    }

    private String label(Variant variant) {
        return switch (variant) {
            case FIXED_FIRST -> "fixed " + first;
            case FIXED_SECOND -> "fixed " + second;
            case POLICY -> "policy (" + policyStart + ")";
            case POLICY_WARM_SWAP_PATH -> "policy, swap path warmed";
        };
    }

    private static double median(List<PhaseResult[]> runs, int phase, ToDoubleFunction<PhaseResult> figure) {
        double[] values = runs.stream().mapToDouble(run -> figure.applyAsDouble(run[phase])).filter(v -> !Double.isNaN(v))
                .sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static String mops(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.0f ms", value);
    }
}
