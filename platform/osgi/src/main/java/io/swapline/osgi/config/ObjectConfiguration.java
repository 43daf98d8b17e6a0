package io.swapline.osgi.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * One clustered object's settings, factory PID {@value #FACTORY_PID}, one factory configuration
 * per object named after it ({@code io.swapline.object~counter}, or any name with the key
 * {@code object}): their metatype (bnd writes {@code OSGI-INF/metatype/io.swapline.object.xml};
 * {@link MetatypeDesignations} binds it to the factory PID). Each key overrides a framework
 * property of the object ({@code authorised}: {@code swapline.authorised.<object>}; {@code policy...}:
 * {@code swapline.policy.<object>...}). Read by {@link ConfiguredSettings} with the ranges of
 * {@link ConfiguredSettings#OBJECT}.
 */
@ObjectClassDefinition(id = ObjectConfiguration.FACTORY_PID, name = "Swapline object",
        description = "Settings of one clustered object: which bundles may replace its implementation, and its"
                + " autonomic policy. Name the configuration after the object (io.swapline.object~counter) or set"
                + " 'object'. Each key overrides the object's framework property.")
public @interface ObjectConfiguration {

    /** The factory PID. */
    String FACTORY_PID = "io.swapline.object";
    /** The policy's defaults (those of {@code PolicySettings}). */
    long SAMPLING_DEFAULT_MS = 1_000;
    /** The policy's defaults. */
    double HYSTERESIS_DEFAULT = 0.25;
    /** The policy's defaults. */
    long DWELL_DEFAULT_MS = 10_000;
    /** The policy's defaults. */
    int SWAPS_MAX_DEFAULT = 4;
    /** The policy's defaults. */
    long SWAPS_WINDOW_DEFAULT_MS = 60_000;

    /**
     * @return the object's name, when the configuration's name does not give it
     */
    @AttributeDefinition(name = "Object", required = false,
            description = "The clustered object's name; by default the name of the configuration (after '~').")
    String object();

    /**
     * @return the authorised symbolic names
     */
    @AttributeDefinition(name = "Authorised bundles", required = false, cardinality = 1000,
            description = "Symbolic names of the bundles that may replace the object's implementation besides new"
                    + " versions of the serving bundle (swapline.authorised.<object>).")
    String[] authorised();

    /**
     * @return whether the policy is enabled
     */
    @AttributeDefinition(name = "Autonomic policy", required = false,
            options = { @Option(label = "enabled", value = "enabled"), @Option(label = "disabled", value = "disabled") },
            description = "enabled: the policy samples the serving implementation and swaps by itself"
                    + " (swapline.policy.<object>).")
    String policy() default "disabled";

    /**
     * @return the sampling period
     */
    @AttributeDefinition(name = "Sampling period (ms)", min = "1", required = false,
            description = "How often the serving implementation's signals are sampled.")
    long policy_sampling_ms() default SAMPLING_DEFAULT_MS;

    /**
     * @return the hysteresis
     */
    @AttributeDefinition(name = "Hysteresis", min = "0", max = "0.999999", required = false,
            description = "Margin on each range bound, in [0, 1): left past bound·(1±m), entered inside it.")
    double policy_hysteresis() default HYSTERESIS_DEFAULT;

    /**
     * @return the dwell
     */
    @AttributeDefinition(name = "Minimum dwell (ms)", min = "0", required = false,
            description = "Least time between two autonomic swaps.")
    long policy_dwell_ms() default DWELL_DEFAULT_MS;

    /**
     * @return the rate's maximum
     */
    @AttributeDefinition(name = "Most swaps per window", min = "1", required = false,
            description = "Most autonomic swaps in one window (policy.swaps.window.ms).")
    int policy_swaps_max() default SWAPS_MAX_DEFAULT;

    /**
     * @return the rate's window
     */
    @AttributeDefinition(name = "Swap window (ms)", min = "1", required = false,
            description = "The window of policy.swaps.max.")
    long policy_swaps_window_ms() default SWAPS_WINDOW_DEFAULT_MS;
}
