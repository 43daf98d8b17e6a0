package io.swapline.core.swap;

import io.swapline.core.quiesce.PlatformActivities;

/**
 * What every swap of one runtime shares.
 *
 * @param deadlines the deadlines of each phase
 * @param activities the platform's own work, covered by generations rather than stack checks;
 *     state transfers run there too
 */
public record SwapContext(SwapDeadlines deadlines, PlatformActivities activities) {
}
