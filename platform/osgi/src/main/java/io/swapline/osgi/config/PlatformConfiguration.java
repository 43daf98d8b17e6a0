package io.swapline.osgi.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.swapline.osgi.settings.ReplacementTimeout;
import io.swapline.osgi.settings.SwapDeadlineSettings;

/**
 * The platform-wide settings, configuration PID {@value #PID}: their metatype (bnd writes
 * {@code OSGI-INF/metatype/io.swapline.xml} from it; {@link MetatypeDesignations} binds it to the
 * PID). Each key overrides the framework property {@code swapline.<key>}; a key left out of the
 * configuration takes the framework property's value, or the default. The values are read by
 * {@link ConfiguredSettings} with the ranges of {@link ConfiguredSettings#PLATFORM}.
 */
@ObjectClassDefinition(id = PlatformConfiguration.PID, name = "Swapline platform",
        description = "Swap deadlines and the replacement timeout of the Swapline extender. Each key overrides the"
                + " framework property swapline.<key>. A change applies to the swaps and waits that start afterwards.")
public @interface PlatformConfiguration {

    /** The configuration PID. */
    String PID = "io.swapline";

    /**
     * @return the Forward deadline
     */
    @AttributeDefinition(name = "Forward deadline (ms)", min = "0", required = false,
            description = "How long a swap waits for calls that started before it to leave the old implementation,"
                    + " then rolls back.")
    long swap_forward_ms() default SwapDeadlineSettings.FORWARD_DEFAULT_MS;

    /**
     * @return the Block deadline
     */
    @AttributeDefinition(name = "Block deadline (ms)", min = "0", required = false,
            description = "How long a swap holds new calls while forwarded calls finish, then rolls back.")
    long swap_block_ms() default SwapDeadlineSettings.BLOCK_DEFAULT_MS;

    /**
     * @return the Transfer deadline
     */
    @AttributeDefinition(name = "Transfer deadline (ms)", min = "0", required = false,
            description = "How long the state transfer (export plus import) may take, then the swap rolls back.")
    long swap_transfer_ms() default SwapDeadlineSettings.TRANSFER_DEFAULT_MS;

    /**
     * @return the replacement timeout
     */
    @AttributeDefinition(name = "Replacement timeout (ms)", min = "0", required = false,
            description = "How long each call on an object whose implementation stopped waits for a replacement,"
                    + " then fails with SwapTimeoutException.")
    long replacement_timeout_ms() default ReplacementTimeout.DEFAULT_MS;
}
