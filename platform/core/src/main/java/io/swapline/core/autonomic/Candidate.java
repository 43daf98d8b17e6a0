package io.swapline.core.autonomic;

import java.util.Objects;
import java.util.function.Supplier;

import io.swapline.api.Root;
import io.swapline.api.autonomic.Suitability;

/**
 * An implementation a policy may swap an object to.
 *
 * @param implementationName the {@link Root#implementationName()} of the roots {@code factory}
 *     makes; it is how the policy recognises the serving implementation
 * @param factory makes a new, unattached root for each swap to this candidate
 * @param suitability the workloads the implementation suits, as its author declares them
 * @param <T> the object's interface
 */
public record Candidate<T>(String implementationName, Supplier<? extends Root<? extends T>> factory,
        Suitability suitability) {

    /**
     * Validates the candidate.
     *
     * @param implementationName the implementation's name
     * @param factory the root factory
     * @param suitability its suitability
     */
    public Candidate {
        Objects.requireNonNull(implementationName, "implementationName");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(suitability, "suitability");
    }
}
