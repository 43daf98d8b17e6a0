package io.swapline.api.autonomic;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by a {@link io.swapline.api.Root} that reports its workload, so that an autonomic
 * policy can tell whether it still suits the object's load. A root that does not implement it
 * is never swapped autonomically.
 *
 * <p>Measure in your own code with {@link RatioMeter} or {@link StripedCounter}; the platform
 * adds nothing to the call path to gather signals.
 */
@ConsumerType
public interface WorkloadSignals {

    /**
     * The signals over the interval since the previous call (or since the root was made), as
     * the interface family defines them; starts a new interval. Called by the platform's
     * sampler on its schedule, one call at a time, never on a client's call path. Must be quick
     * and must not call the clustered object.
     *
     * @return the sample; signals without data in the interval are absent
     */
    Signals sampleSignals();
}
