package io.swapline.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each part of a swap may take before the swap rolls back, and so how long a call can
 * be held up by a swap.
 *
 * @param forward how long to wait for calls that started before the swap to leave the old implementation
 * @param block how long to wait, with new calls blocked, for forwarded calls to finish
 * @param transfer how long export plus import may take
 */
public record SwapDeadlines(Duration forward, Duration block, Duration transfer) {

    /** Defaults: 10 s to drain old calls, 2 s blocked, 5 s of transfer. */
    public static final SwapDeadlines DEFAULT =
            new SwapDeadlines(Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(5));

    /**
     * Validates the deadlines.
     *
     * @param forward forward deadline
     * @param block block deadline
     * @param transfer transfer deadline
     */
    public SwapDeadlines {
        Objects.requireNonNull(forward, "forward");
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(transfer, "transfer");
        if (forward.isNegative() || block.isNegative() || transfer.isNegative()) {
            throw new IllegalArgumentException("deadlines must not be negative");
        }
    }

}
