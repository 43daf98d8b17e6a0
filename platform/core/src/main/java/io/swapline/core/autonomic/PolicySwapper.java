package io.swapline.core.autonomic;

import org.osgi.annotation.versioning.ConsumerType;

import io.swapline.api.SwapRecord;
import io.swapline.api.SwapRefusedException;

/**
 * Carries out the swaps a policy decides, for a layer that has its own swap path (the OSGi
 * extender makes the new root through the candidate's bundle, keeps its revision loadable and
 * updates the service properties, as for every swap it performs). Without one, a policy swaps with
 * {@code runtime.swap(object, candidate.factory().get())}.
 *
 * <p>Called on the policy's thread, one call at a time per object.
 *
 * @param <T> the object's interface
 */
@ConsumerType
@FunctionalInterface
public interface PolicySwapper<T> {

    /**
     * Swaps the object to the decided candidate.
     *
     * @param target the candidate the decision names
     * @param decision the decision, with its signals and reason
     * @return the swap's record, completed or rolled back
     * @throws SwapRefusedException if the swap was refused; its record is logged with the decision
     * @throws IllegalStateException if no swap ran (the object or the candidate changed since the
     *     decision, the object was destroyed); its message is logged with the decision
     */
    SwapRecord swap(Candidate<T> target, PolicyDecision decision);
}
