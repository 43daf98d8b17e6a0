package io.swapline.osgi.objects;

import org.osgi.framework.wiring.BundleRevision;

import io.swapline.osgi.implementations.ImplementationDeclaration;

/**
 * What {@link LifecycleDecisions} decided to do to one object, before anything is done. A step
 * that makes a revision serve needs that revision held loadable first ({@link #revision()}),
 * which is a framework operation and so happens outside the object lock; the decision is then
 * taken again under the lock, and the step runs only if it is still the same step.
 */
sealed interface Step {

    /** @return the revision whose holder must be installed before this step runs, or null */
    default BundleRevision revision() {
        return null;
    }

    /**
     * Create the object from {@code first} (OFFERED → SERVING).
     *
     * @param first the implementation that creates it
     */
    record Create(ImplementationDeclaration first) implements Step {
        @Override
        public BundleRevision revision() {
            return first.revision();
        }
    }

    /**
     * Swap the serving object to {@code next} (a new revision of the serving bundle).
     *
     * @param next the implementation to serve
     */
    record Swap(ImplementationDeclaration next) implements Step {
        @Override
        public BundleRevision revision() {
            return next.revision();
        }
    }

    /**
     * The serving bundle stops for good: swap to {@code alternative}, or wait if that fails.
     *
     * @param alternative the most preferred allowed implementation another bundle offers
     */
    record ReplaceStopped(ImplementationDeclaration alternative) implements Step {
        @Override
        public BundleRevision revision() {
            return alternative.revision();
        }
    }

    /** The serving bundle stops for good and no allowed implementation is offered: wait (SERVING → WAITING). */
    record Wait() implements Step {
    }

    /**
     * Hand the kept state and the waiting calls to {@code successor} (WAITING → HANDING_OVER → SERVING).
     *
     * @param successor an allowed implementation
     */
    record HandOver(ImplementationDeclaration successor) implements Step {
        @Override
        public BundleRevision revision() {
            return successor.revision();
        }
    }

    /** Swap the waiting root out for the successor that holds the state (HANDING_OVER → SERVING). */
    record CompleteTakeover() implements Step {
    }

    /**
     * Refuse {@code offer}: record and log why.
     *
     * @param offer the implementation refused
     * @param reason one line
     */
    record Refuse(ImplementationDeclaration offer, String reason) implements Step {
    }

    /**
     * Change nothing, and say so in the log.
     *
     * @param why one line
     * @param info whether the line is worth INFO (else DEBUG)
     */
    record Keep(String why, boolean info) implements Step {
    }

    /**
     * The serving bundle is being updated on this thread: keep serving from its old revision (held
     * loadable) until the new revision starts and takes over, and remember the updating thread.
     *
     * @param why one line for the log
     */
    record KeepForUpdate(String why) implements Step {
    }

    /** Nothing concerns this object. */
    record None() implements Step {
    }
}
