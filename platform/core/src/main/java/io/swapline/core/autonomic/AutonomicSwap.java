package io.swapline.core.autonomic;

import java.util.Objects;

import io.swapline.api.SwapRecord;

/**
 * One autonomic swap: the decision that asked for it (signals, rule, reason) and what the swap
 * did. {@link SwapRecord} is the runtime's record of every swap and says nothing of why; this
 * pairs it with the why.
 *
 * @param decision the decision
 * @param record the swap's record, or null if no swap ran (see {@code failure})
 * @param failure why no swap ran (the candidate's factory failed, the object was destroyed), or null
 */
public record AutonomicSwap(PolicyDecision decision, SwapRecord record, String failure) {

    /**
     * Validates: exactly one of {@code record} and {@code failure}.
     *
     * @param decision the decision
     * @param record the record or null
     * @param failure the failure or null
     */
    public AutonomicSwap {
        Objects.requireNonNull(decision, "decision");
        if ((record == null) == (failure == null)) {
            throw new IllegalArgumentException("either a record or a failure");
        }
    }

    /**
     * Whether the target implementation now serves.
     *
     * @return true if the swap completed
     */
    public boolean completed() {
        return record != null && record.completed();
    }

    @Override
    public String toString() {
        return decision + " => " + (record != null ? record : "not run: " + failure);
    }
}
