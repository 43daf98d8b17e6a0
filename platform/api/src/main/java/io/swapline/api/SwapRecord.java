package io.swapline.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one swap did: which implementations, which protocol, how long each phase took, how many
 * calls it forwarded and blocked, and how it ended.
 *
 * @param objectName the clustered object
 * @param from the implementation swapped out (see {@link Root#implementationName()})
 * @param to the implementation swapped in
 * @param protocol the negotiated transfer protocol's name, or {@code "none"} for a stateless object
 * @param outcome {@link SwapPhase#COMPLETE}, {@link SwapPhase#REFUSED} or {@link SwapPhase#ROLLED_BACK}
 * @param reason why it was refused or rolled back; null when complete
 * @param startedAt when the swap was requested
 * @param phaseTimes the time spent in each phase that was entered
 * @param callsForwarded calls the Mediator counted and forwarded to the old implementation
 * @param callsBlocked calls that waited for the swap to end
 * @param longestBlock the longest time one call waited for the swap to end (until its release)
 */
public record SwapRecord(String objectName, String from, String to, String protocol, SwapPhase outcome,
        String reason, Instant startedAt, Map<SwapPhase, Duration> phaseTimes, long callsForwarded,
        long callsBlocked, Duration longestBlock) {

    /**
     * Validates and freezes the record.
     *
     * @param objectName the clustered object
     * @param from the implementation swapped out
     * @param to the implementation swapped in
     * @param protocol the protocol's name
     * @param outcome a terminal phase
     * @param reason the reason, or null when complete
     * @param startedAt the start
     * @param phaseTimes time per phase
     * @param callsForwarded forwarded calls
     * @param callsBlocked blocked calls
     * @param longestBlock the longest wait of a call
     */
    public SwapRecord {
        Objects.requireNonNull(objectName, "objectName");
        Objects.requireNonNull(outcome, "outcome");
        if (!outcome.isTerminal()) {
            throw new IllegalArgumentException("a record's outcome is a terminal phase, not " + outcome);
        }
        phaseTimes = Collections.unmodifiableMap(phaseTimes.isEmpty()
                ? new EnumMap<>(SwapPhase.class) : new EnumMap<>(phaseTimes));
    }

    /**
     * Whether the new implementation now serves the object.
     *
     * @return true if the outcome is {@link SwapPhase#COMPLETE}
     */
    public boolean completed() {
        return outcome == SwapPhase.COMPLETE;
    }

    /**
     * The time from request to end: the sum of the phase times.
     *
     * @return the total duration
     */
    public Duration total() {
        return phaseTimes.values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * The time one phase took, zero if the swap never entered it.
     *
     * @param phase a phase
     * @return its duration
     */
    public Duration timeIn(SwapPhase phase) {
        return phaseTimes.getOrDefault(phase, Duration.ZERO);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder()
                .append(objectName).append(": ").append(from).append(" -> ").append(to)
                .append(" [").append(outcome).append(reason == null ? "" : ": " + reason).append("]")
                .append(" protocol=").append(protocol)
                .append(" forwarded=").append(callsForwarded)
                .append(" blocked=").append(callsBlocked)
                .append(" longestBlock=").append(micros(longestBlock)).append("us");
        phaseTimes.forEach((phase, time) -> text.append(' ').append(phase.name().toLowerCase())
                .append('=').append(micros(time)).append("us"));
        return text.toString();
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1_000;
    }
}
