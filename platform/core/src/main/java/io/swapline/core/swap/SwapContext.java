package io.swapline.core.swap;

import java.time.Duration;

import io.swapline.core.quiesce.PlatformActivities;

/**
 * What every swap of one runtime shares.
 *
 * @param forward how long to wait for calls that started before the swap to leave the old implementation
 * @param block how long to wait, with new calls blocked, for forwarded calls to finish
 * @param transfer how long export plus import may take
 * @param activities the platform's own work, covered by generations rather than stack checks;
 *     state transfers run there too
 */
public record SwapContext(Duration forward, Duration block, Duration transfer, PlatformActivities activities) {

    private static final Duration MARGIN = Duration.ofSeconds(5);

    /**
     * The longest a blocked call waits before it gives up with an exception naming the object:
     * the Block and Transfer deadlines plus a margin for completing or rolling back. The swap
     * itself ends well before, so in practice a blocked call is released, not failed.
     *
     * @return the call's deadline
     */
    public Duration blockedCall() {
        return block.plus(transfer).plus(MARGIN);
    }

    /**
     * The longest a swap request waits for another swap of the same object to end.
     *
     * @return the wait
     */
    public Duration queue() {
        return forward.plus(block).plus(transfer).plus(MARGIN);
    }
}
