package io.swapline.osgi.objects;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.swapline.api.ClusteredObject;
import io.swapline.api.Root;
import io.swapline.api.SwapPhase;
import io.swapline.api.SwapRecord;
import io.swapline.api.SwapRefusedException;
import io.swapline.osgi.implementations.ImplementationAuthorisation;
import io.swapline.osgi.implementations.ImplementationDeclaration;
import io.swapline.osgi.implementations.ImplementationProtocols;
import io.swapline.osgi.implementations.OfferedImplementations;
import io.swapline.osgi.policy.PolicyCandidate;

/**
 * Everything the extender knows of one object name: the implementations ACTIVE bundles offer for
 * it, the refusals the extender decided, and, once the object is created, the object, its service
 * registration, what serves it, the holder of that revision, the root installed in it now and,
 * while calls wait for a replacement, the waiting root.
 *
 * <p><b>Locking.</b> Not thread-safe: every field, the {@link OfferedImplementations} and the
 * refusals are guarded by the {@link PublishedObjects} monitor. Only {@link PublishedObjects} and
 * the classes it calls holding it ({@link ObjectPublisher}, {@link ImplementationSwapper},
 * {@link StopWithoutReplacement}) read or write them; the shell gets an {@link ObjectView}
 * snapshot.
 */
public final class KnownObject {

    /** The extender's log lines keep their logger name (log settings and the README use it). */
    private static final Logger LOG = LoggerFactory.getLogger(PublishedObjects.class);

    /** Refusals the extender decided itself (not in the runtime's history) kept per object. */
    private static final int KEPT_REFUSALS = 16;

    final String name;
    final OfferedImplementations offered = new OfferedImplementations();
    /** Extender refusals, oldest first, at most {@link #KEPT_REFUSALS}. */
    private final List<SwapRecord> refusals = new ArrayList<>();
    /** The object, its registration, what serves it and the holder of that revision; null until created. */
    ClusteredObject<?> object;
    ServiceRegistration<?> registration;
    /** What serves the object, or, while it waits, what served it last. */
    ImplementationDeclaration serving;
    Bundle holder;
    /** The root installed in the object now: the implementation's, a {@link SuccessorRoot} or the waiting root. */
    Root<?> root;
    /** Non-null while calls wait for a replacement. */
    WaitingRoot<?> waiting;

    KnownObject(String name) {
        this.name = name;
    }

    boolean isPublished() {
        return object != null;
    }

    /** @return whether {@code offer} serves the object now: not waiting, same wiring and root class */
    boolean isServedBy(ImplementationDeclaration offer) {
        return waiting == null && serving.wiring() == offer.wiring() && serving.className().equals(offer.className());
    }

    /** Sets the service's {@code swapline.*} properties from what serves the object now and whether it waits. */
    void updateServiceProperties() {
        registration.setProperties(ObjectServiceProperties.of(object, serving, waiting != null));
    }

    /**
     * Records and logs (WARN) a refusal the extender decided, e.g. an unauthorised bundle.
     *
     * @return the exception to throw where the refusal must reach a caller
     */
    SwapRefusedException refuse(ImplementationDeclaration next, String reason) {
        String from = isPublished() ? serving.className() + " (" + serving.bundleLabel() + ")" : "none";
        SwapRecord record = new SwapRecord(name, from, next.className() + " (" + next.bundleLabel() + ")",
                "none", SwapPhase.REFUSED, reason, Instant.now(), Map.of(), 0, 0, Duration.ZERO);
        refusals.add(record);
        if (refusals.size() > KEPT_REFUSALS) {
            refusals.remove(0);
        }
        LOG.warn("{} refused as implementation of '{}': {}", next.bundleLabel(), name, reason);
        return new SwapRefusedException(record);
    }

    /**
     * The implementations an autonomic policy of the object may choose: the offered ones that
     * declare {@code suits}, one per root class (the most preferred bundle's), with the reason each
     * may not serve now, if any.
     */
    List<PolicyCandidate> policyCandidates(ImplementationAuthorisation authorisation) {
        List<PolicyCandidate> candidates = new ArrayList<>();
        Set<String> classes = new HashSet<>();
        for (ImplementationDeclaration offer : offered.all()) {
            if (offer.suits() != null && classes.add(offer.className())) {
                candidates.add(new PolicyCandidate(offer, authorisation.refusal(offer, serving.symbolicName())));
            }
        }
        return List.copyOf(candidates);
    }

    /** @return what the shell shows of the published object */
    ObjectView view(ImplementationAuthorisation authorisation) {
        List<ObjectView.Candidate> candidates = new ArrayList<>();
        boolean servingOffered = false;
        for (ImplementationDeclaration offer : offered.all()) {
            boolean serves = isServedBy(offer);
            servingOffered |= serves;
            candidates.add(new ObjectView.Candidate(offer, serves, true,
                    serves ? null : authorisation.refusal(offer, serving.symbolicName())));
        }
        if (!servingOffered) { // its bundle is stopping, stopped or being updated
            candidates.add(0, new ObjectView.Candidate(serving, waiting == null, false, null));
        }
        List<SwapRecord> history = new ArrayList<>(object.history());
        history.addAll(refusals);
        history.sort(Comparator.comparing(SwapRecord::startedAt));
        String servingProtocols = waiting == null ? ImplementationProtocols.describe(root) : null; // the live root's
        return new ObjectView(object, serving, waiting != null, servingProtocols, candidates, history);
    }
}
