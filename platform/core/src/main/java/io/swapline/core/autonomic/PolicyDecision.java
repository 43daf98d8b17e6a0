package io.swapline.core.autonomic;

import java.time.Instant;
import java.util.Objects;

import io.swapline.api.autonomic.Signals;

/**
 * What a policy decided at one sample, and why.
 *
 * @param at when (the policy's clock)
 * @param serving the implementation serving the object at the sample
 * @param signals the sampled signals
 * @param target the candidate to swap to, or null to hold
 * @param reason a sentence naming the signals, their values and the rule that decided
 */
public record PolicyDecision(Instant at, String serving, Signals signals, String target, String reason) {

    /**
     * Validates the decision.
     *
     * @param at when
     * @param serving the serving implementation
     * @param signals the signals
     * @param target the target or null
     * @param reason why
     */
    public PolicyDecision {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(serving, "serving");
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * Whether the decision is to swap.
     *
     * @return true if there is a target
     */
    public boolean isSwap() {
        return target != null;
    }

    @Override
    public String toString() {
        return at + " " + (isSwap() ? "swap " + serving + " -> " + target : "hold " + serving) + " [" + signals
                + "]: " + reason;
    }
}
