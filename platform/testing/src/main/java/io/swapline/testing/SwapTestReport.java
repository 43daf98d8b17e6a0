package io.swapline.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swapline.api.SwapPhase;
import io.swapline.api.SwapRecord;

/**
 * What a {@link SwapTester} run did and found: the protocols it forced, every swap's record,
 * the calls the clients made, how many transfers it compared, and the violations.
 *
 * <p>A report is a value: {@link #passed()} says whether the run found nothing wrong,
 * {@link #assertPassed()} turns violations into a {@link SwapTestFailure}.
 */
public final class SwapTestReport {

    /**
     * One swap of the run.
     *
     * @param run the run's name: the protocol it forced, or {@code "negotiated"}
     * @param forcedProtocol the protocol the tester forced for this swap, or null where the two
     *     implementations do not share the run's protocol (the runtime then negotiated freely)
     * @param record the runtime's record: implementations, protocol chosen, outcome, reason
     */
    public record Swap(String run, String forcedProtocol, SwapRecord record) {
    }

    private final List<String> runs;
    private final List<Swap> swaps;
    private final long calls;
    private final long failedCalls;
    private final long transfersCompared;
    private final long violationCount;
    private final List<String> violations;
    private final Throwable firstCause;

    SwapTestReport(List<String> runs, List<Swap> swaps, long calls, long failedCalls, long transfersCompared,
            Findings findings) {
        this.runs = List.copyOf(runs);
        this.swaps = List.copyOf(swaps);
        this.calls = calls;
        this.failedCalls = failedCalls;
        this.transfersCompared = transfersCompared;
        this.violationCount = findings.count();
        this.violations = findings.messages();
        this.firstCause = findings.firstCause();
    }

    /**
     * The runs, one per protocol the implementations share, named after it (highest bit first);
     * a single run named {@code "negotiated"} if they share none.
     *
     * @return the run names
     */
    public List<String> runs() {
        return runs;
    }

    /**
     * Every swap requested, in order.
     *
     * @return the swaps
     */
    public List<Swap> swaps() {
        return swaps;
    }

    /**
     * The swaps that completed.
     *
     * @return the count
     */
    public long swapsCompleted() {
        return count(SwapPhase.COMPLETE);
    }

    /**
     * The swaps that were rolled back (the old implementation kept serving).
     *
     * @return the count
     */
    public long swapsRolledBack() {
        return count(SwapPhase.ROLLED_BACK);
    }

    /**
     * The swaps the runtime refused before starting them.
     *
     * @return the count
     */
    public long swapsRefused() {
        return count(SwapPhase.REFUSED);
    }

    /**
     * How many completed swaps used each protocol, by the name the runtime recorded
     * ({@code "none"} for a stateless implementation).
     *
     * @return protocol name to count, in order of first use
     */
    public Map<String, Long> completedSwapsByProtocol() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Swap swap : swaps) {
            if (swap.record().completed()) {
                counts.merge(swap.record().protocol(), 1L, Long::sum);
            }
        }
        return counts;
    }

    /**
     * The calls the clients made, failed ones included.
     *
     * @return the count
     */
    public long calls() {
        return calls;
    }

    /**
     * The calls that threw.
     *
     * @return the count
     */
    public long failedCalls() {
        return failedCalls;
    }

    /**
     * The transfers whose before/after states the tester compared (completed or not).
     *
     * @return the count
     */
    public long transfersCompared() {
        return transfersCompared;
    }

    /**
     * The number of violations found, including those not kept in {@link #violations()}.
     *
     * @return the count
     */
    public long violationCount() {
        return violationCount;
    }

    /**
     * The first violations found, each a sentence naming the swap or client involved.
     *
     * @return up to 20 messages
     */
    public List<String> violations() {
        return violations;
    }

    /**
     * Whether the run found no violation.
     *
     * @return true if every call succeeded, every swap completed through the forced protocol and
     *     every transferred state was intact
     */
    public boolean passed() {
        return violationCount == 0;
    }

    /**
     * Fails if the run found a violation.
     *
     * @return this report, for chaining
     * @throws SwapTestFailure with the summary and the first violations
     */
    public SwapTestReport assertPassed() {
        if (!passed()) {
            throw new SwapTestFailure(this, firstCause);
        }
        return this;
    }

    String describeFailure() {
        StringBuilder text = new StringBuilder("swap test failed with ").append(violationCount)
                .append(violationCount == 1 ? " violation" : " violations").append(": ").append(this);
        for (int i = 0; i < violations.size(); i++) {
            text.append("\n  ").append(i + 1).append(". ").append(violations.get(i));
        }
        if (violationCount > violations.size()) {
            text.append("\n  ... and ").append(violationCount - violations.size()).append(" more");
        }
        return text.toString();
    }

    private long count(SwapPhase outcome) {
        return swaps.stream().filter(swap -> swap.record().outcome() == outcome).count();
    }

    @Override
    public String toString() {
        return "runs " + runs + ": " + swaps.size() + " swaps (" + swapsCompleted() + " completed, "
                + swapsRolledBack() + " rolled back, " + swapsRefused() + " refused), completed by protocol "
                + completedSwapsByProtocol() + ", " + calls + " calls (" + failedCalls + " failed), "
                + transfersCompared + " transfers compared";
    }
}
