package io.swapline.osgi.objects;

import java.util.List;
import java.util.Optional;

import org.osgi.framework.wiring.BundleRevision;

import io.swapline.osgi.implementations.ImplementationAuthorisation;
import io.swapline.osgi.implementations.ImplementationDeclaration;

/**
 * Decides, for each input (a bundle event, a later reconciliation), what happens to one object:
 * which implementation creates it, is swapped in, takes over its kept state, is refused and why,
 * or whether it waits. Reads the {@link KnownObject} and changes nothing: {@link PublishedObjects}
 * runs the {@link Step}. Called holding the PublishedObjects monitor, once to plan and once again
 * to check the plan still holds.
 */
final class LifecycleDecisions {

    private final ImplementationAuthorisation authorisation;

    LifecycleDecisions(ImplementationAuthorisation authorisation) {
        this.authorisation = authorisation;
    }

    /**
     * An implementation became ACTIVE (its offer is already recorded).
     *
     * @param started the declaration from the bundle's current revision
     * @param creationDeferred true while the extender starts: objects are created afterwards
     */
    Step started(KnownObject known, ImplementationDeclaration started, boolean creationDeferred) {
        if (!known.offered.all().contains(started)) {
            return new Step.None(); // withdrawn meanwhile: its stop was handled
        }
        ImplementationDeclaration serving = known.serving();
        return switch (known.state()) {
            case OFFERED -> creationDeferred ? new Step.None() : new Step.Create(started);
            case CLOSED -> new Step.None();
            case HANDING_OVER -> new Step.CompleteTakeover();
            case WAITING -> refusalOr(started, serving, new Step.HandOver(started));
            case SERVING -> {
                if (serving.wiring() == started.wiring()) { // stopped and started again
                    yield new Step.Keep("'" + known.name + "' is already served by " + started.bundleLabel(), false);
                }
                Step allowed = refusalOr(started, serving, null);
                if (allowed != null) {
                    yield allowed;
                }
                if (serving.bundleId() == started.bundleId()) {
                    yield new Step.Swap(started);
                }
                yield new Step.Keep(started.bundleLabel() + " offers an implementation of '" + known.name + "', which "
                        + serving.bundleLabel() + " serves; 'swapline:swap " + known.name + " " + started.bundleId()
                        + "' makes it serve", true);
            }
        };
    }

    /**
     * A bundle is leaving ACTIVE (its offers already withdrawn).
     *
     * @param bundleId the bundle
     * @param updating it is being updated: its new revision starts on this thread and takes over
     * @param frameworkStopping the framework stops: nothing is replaced
     */
    Step stopped(KnownObject known, long bundleId, boolean updating, boolean frameworkStopping) {
        ObjectState state = known.state();
        if ((state != ObjectState.SERVING && state != ObjectState.HANDING_OVER)
                || known.serving().bundleId() != bundleId) {
            return new Step.None();
        }
        if (state == ObjectState.HANDING_OVER) {
            return new Step.CompleteTakeover(); // then decided again, as SERVING
        }
        if (updating) {
            return new Step.KeepForUpdate("'" + known.name + "' keeps serving from " + known.serving().bundleLabel()
                    + " while its bundle is updated");
        }
        if (frameworkStopping) {
            return new Step.Keep("'" + known.name + "' keeps serving from " + known.serving().bundleLabel()
                    + " while its bundle is stopped with the framework", true);
        }
        return replacementOf(known);
    }

    /**
     * A bundle's revision became ACTIVE after its declarations were handled: an object its previous
     * revision served that the new revision does not declare at all is replaced as if it had stopped.
     *
     * @param current the bundle's current revision
     * @param declarations what it declares
     */
    Step revisionStarted(KnownObject known, long bundleId, BundleRevision current,
            List<ImplementationDeclaration> declarations) {
        if (known.state() == ObjectState.SERVING && known.serving().bundleId() == bundleId
                && known.serving().revision() != current
                && declarations.stream().noneMatch(declared -> declared.objectName().equals(known.name))) {
            return replacementOf(known);
        }
        return new Step.None();
    }

    /**
     * What an object still needs after a step could not run at once (Felix refused an operation
     * during a refresh) or the extender started: created if it is offered and not created, handed
     * over if it waits and an allowed implementation is offered, taken over if a hand-over is half
     * done, swapped to its bundle's current revision if an older one still serves, replaced as if
     * stopped if its bundle is neither active nor on its way (an update that failed after the stop).
     *
     * @param creationDeferred true while the extender starts
     */
    Step reconcile(KnownObject known, boolean creationDeferred) {
        ImplementationDeclaration serving = known.serving();
        return switch (known.state()) {
            case OFFERED -> creationDeferred ? new Step.None()
                    : known.offered.best(offer -> true).<Step>map(Step.Create::new).orElse(new Step.None());
            case CLOSED -> new Step.None();
            case HANDING_OVER -> new Step.CompleteTakeover();
            case WAITING -> allowedOffer(known, serving, offer -> true).<Step>map(Step.HandOver::new)
                    .orElse(new Step.None());
            case SERVING -> known.offered.all().contains(serving) ? new Step.None()
                    : allowedOffer(known, serving, offer -> offer.sameBundleAndClass(serving))
                            .<Step>map(Step.Swap::new).orElseGet(() -> serving.isBundleStopped()
                                    && !known.isBeingUpdated()
                                    ? replacementOf(known) // an update whose new revision never started
                                    : new Step.None());
        };
    }

    /** The serving bundle stopped for good: the most preferred allowed alternative (not itself), or wait. */
    private Step replacementOf(KnownObject known) {
        ImplementationDeclaration serving = known.serving();
        return allowedOffer(known, serving, offer -> offer.bundleId() != serving.bundleId()).<Step>map(Step.ReplaceStopped::new)
                .orElse(new Step.Wait());
    }

    private Optional<ImplementationDeclaration> allowedOffer(KnownObject known, ImplementationDeclaration serving,
            java.util.function.Predicate<ImplementationDeclaration> filter) {
        return known.offered.best(offer -> filter.test(offer)
                && authorisation.refusal(offer, serving.symbolicName()) == null);
    }

    /** A refusal of {@code offer} if it is not authorised relative to {@code serving}, else {@code allowed}. */
    private Step refusalOr(ImplementationDeclaration offer, ImplementationDeclaration serving, Step allowed) {
        String refusal = authorisation.refusal(offer, serving.symbolicName());
        return refusal != null ? new Step.Refuse(offer, refusal) : allowed;
    }
}
