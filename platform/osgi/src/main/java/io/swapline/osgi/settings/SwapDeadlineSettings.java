package io.swapline.osgi.settings;

import java.time.Duration;
import java.util.function.UnaryOperator;

import io.swapline.core.SwapDeadlines;

/**
 * The swap deadlines by framework property (milliseconds, defaults those of
 * {@link SwapDeadlines#DEFAULT}); the keys {@code swap.forward.ms}, {@code swap.block.ms} and
 * {@code swap.transfer.ms} of the configuration {@code io.swapline} override them. Applied to the
 * runtime when the extender starts and on every change; a swap runs with the deadlines in force
 * when it starts.
 */
public final class SwapDeadlineSettings {

    /** The Forward deadline's framework property. */
    public static final String FORWARD = "swapline.swap.forward.ms";
    /** The Block deadline's framework property. */
    public static final String BLOCK = "swapline.swap.block.ms";
    /** The Transfer deadline's framework property. */
    public static final String TRANSFER = "swapline.swap.transfer.ms";
    /** Defaults, in milliseconds (those of {@link SwapDeadlines#DEFAULT}). */
    public static final long FORWARD_DEFAULT_MS = 10_000;
    /** Defaults, in milliseconds. */
    public static final long BLOCK_DEFAULT_MS = 2_000;
    /** Defaults, in milliseconds. */
    public static final long TRANSFER_DEFAULT_MS = 5_000;

    private SwapDeadlineSettings() {
    }

    /**
     * @param properties the property source (framework property name to value, or null)
     * @return the deadlines; each that is unset or not a non-negative whole number (logged) its default
     */
    public static SwapDeadlines from(UnaryOperator<String> properties) {
        return new SwapDeadlines(millis(properties, FORWARD, FORWARD_DEFAULT_MS),
                millis(properties, BLOCK, BLOCK_DEFAULT_MS), millis(properties, TRANSFER, TRANSFER_DEFAULT_MS));
    }

    private static Duration millis(UnaryOperator<String> properties, String property, long defaultMillis) {
        return Duration.ofMillis(FrameworkProperties.wholeNumber(properties, property, defaultMillis, 0, Long.MAX_VALUE));
    }
}
