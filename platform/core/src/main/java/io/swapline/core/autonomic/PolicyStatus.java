package io.swapline.core.autonomic;

import java.util.List;

/**
 * What the shell shows of one object's policy.
 *
 * @param objectName the object
 * @param enabled whether the policy samples and acts
 * @param policy the policy, in one line
 * @param lastDecision the most recent decision, or null before the first sample
 * @param swaps the most recent autonomic swaps, oldest first (a bounded number)
 */
public record PolicyStatus(String objectName, boolean enabled, String policy, PolicyDecision lastDecision,
        List<AutonomicSwap> swaps) {

    /**
     * Freezes the list.
     *
     * @param objectName the object
     * @param enabled enabled
     * @param policy the policy
     * @param lastDecision the last decision
     * @param swaps the swaps
     */
    public PolicyStatus {
        swaps = List.copyOf(swaps);
    }
}
