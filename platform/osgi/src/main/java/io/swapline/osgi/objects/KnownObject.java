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
import io.swapline.osgi.implementations.BundleUpdates;
import io.swapline.osgi.implementations.ImplementationAuthorisation;
import io.swapline.osgi.implementations.ImplementationDeclaration;
import io.swapline.osgi.implementations.ImplementationProtocols;
import io.swapline.osgi.implementations.OfferedImplementations;
import io.swapline.osgi.policy.PolicyCandidate;

/**
 * Everything the extender knows of one object name, and the owner of the object's
 * {@linkplain ObjectState lifecycle}: the implementations ACTIVE bundles offer for it, the
 * refusals the extender decided, its state and, once the object is created, the object, its
 * service registration, what serves it, the holder of that revision, the root installed in it now
 * and, while calls wait for a replacement, the waiting root.
 *
 * <p><b>One writer.</b> The state and the fields that go with it change only through the
 * transition methods below ({@link #published}, {@link #swapped}, {@link #waitsIn},
 * {@link #handingOver}, {@link #takenOver}, {@link #republished}, {@link #closed}), each of which
 * checks the move against {@link ObjectState#canBecome}.
 *
 * <p><b>Locking.</b> Not thread-safe: every field, the {@link OfferedImplementations} and the
 * refusals are guarded by the {@link PublishedObjects} monitor; the shell gets an
 * {@link ObjectView} snapshot.
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
    private ObjectState state = ObjectState.OFFERED;
    private ClusteredObject<?> object;
    private ServiceRegistration<?> registration;
    /** What serves the object, or, while it waits, what served it last; while handing over, the successor. */
    private ImplementationDeclaration serving;
    private Bundle holder;
    /** The root installed in the object now: the implementation's, a {@link SuccessorRoot} or the waiting root. */
    private Root<?> root;
    /** Non-null while waiting or handing over. */
    private WaitingRoot<?> waiting;
    /** The thread updating the serving bundle, from its STOPPING event until the next transition; or null. */
    private Thread updater;

    KnownObject(String name) {
        this.name = name;
    }

    ObjectState state() {
        return state;
    }

    boolean isPublished() {
        return state.isPublished();
    }

    ClusteredObject<?> object() {
        return object;
    }

    ServiceRegistration<?> registration() {
        return registration;
    }

    ImplementationDeclaration serving() {
        return serving;
    }

    Root<?> root() {
        return root;
    }

    WaitingRoot<?> waiting() {
        return waiting;
    }

    /** Adds an offer (a bundle's revision became ACTIVE). */
    void offer(ImplementationDeclaration declaration) {
        offered.offer(declaration);
    }

    /** Withdraws a bundle's offers (it is leaving ACTIVE). */
    void withdraw(long bundleId) {
        offered.withdraw(bundleId);
    }

    /** OFFERED → SERVING: the object was created from {@code first} and its service registered. */
    void published(ClusteredObject<?> created, ServiceRegistration<?> service, ImplementationDeclaration first,
            Root<?> firstRoot, Bundle firstHolder) {
        become(ObjectState.SERVING);
        object = created;
        registration = service;
        serving = first;
        root = firstRoot;
        holder = firstHolder;
    }

    /**
     * SERVING → SERVING (a swap) or HANDING_OVER → SERVING is {@link #takenOver}: {@code next}'s root serves.
     *
     * @return the holder of the revision that served before, to release
     */
    Bundle swapped(ImplementationDeclaration next, Root<?> nextRoot, Bundle nextHolder) {
        become(ObjectState.SERVING);
        Bundle previous = holder;
        serving = next;
        root = nextRoot;
        holder = nextHolder;
        return previous;
    }

    /**
     * SERVING → WAITING: the waiting root serves and keeps the state. The stopped revision's holder
     * stays until the hand-over: the kept state may use its classes.
     */
    void waitsIn(WaitingRoot<?> waitingRoot) {
        become(ObjectState.WAITING);
        root = waitingRoot;
        waiting = waitingRoot;
    }

    /**
     * WAITING → HANDING_OVER: {@code next} holds the kept state and serves the waiting calls through
     * the waiting root.
     *
     * @return the holder of the stopped revision, to release
     */
    Bundle handingOver(ImplementationDeclaration next, Bundle nextHolder) {
        become(ObjectState.HANDING_OVER);
        Bundle stopped = holder;
        serving = next;
        holder = nextHolder;
        return stopped;
    }

    /** HANDING_OVER → SERVING: the waiting root was swapped out for {@code takeover}. */
    void takenOver(SuccessorRoot<?> takeover) {
        become(ObjectState.SERVING);
        root = takeover;
        waiting = null;
    }

    /**
     * WAITING → SERVING under a new interface (the API bundle was refreshed): a new object and
     * service replace the old ones, which the caller destroys and unregisters.
     *
     * @return the holder of the stopped revision, to release
     */
    Bundle republished(ClusteredObject<?> created, ServiceRegistration<?> service, ImplementationDeclaration next,
            Root<?> nextRoot, Bundle nextHolder) {
        become(ObjectState.SERVING);
        Bundle stopped = holder;
        object = created;
        registration = service;
        serving = next;
        root = nextRoot;
        holder = nextHolder;
        waiting = null;
        return stopped;
    }

    /**
     * Any state → CLOSED: the caller has destroyed the object and unregistered its service (or there
     * was none).
     *
     * @return the holder to release, or null
     */
    Bundle closed() {
        become(ObjectState.CLOSED);
        Bundle released = holder;
        holder = null;
        waiting = null;
        return released;
    }

    /** The serving bundle's update began on this thread: its new revision is to take over. */
    void updateBegun() {
        updater = Thread.currentThread();
    }

    /** @return whether {@code thread} began an update of the serving bundle that has not yet led to a transition */
    boolean isUpdatedBy(Thread thread) {
        return updater == thread;
    }

    /** @return whether the thread that began updating the serving bundle is still inside that update */
    boolean isBeingUpdated() {
        Thread thread = updater;
        return thread != null && BundleUpdates.isUpdateInProgress(thread, serving.bundle());
    }

    private void become(ObjectState next) {
        if (!state.canBecome(next)) {
            throw new IllegalStateException("'" + name + "' cannot go from " + state + " to " + next);
        }
        if (state != next) {
            LOG.debug("'{}': {} -> {}", name, state, next);
        }
        state = next;
        updater = null;
    }

    /** @return whether {@code offer} serves the object now: serving (not waiting), same wiring and root class */
    boolean isServedBy(ImplementationDeclaration offer) {
        return state == ObjectState.SERVING && serving.wiring() == offer.wiring()
                && serving.className().equals(offer.className());
    }

    /** Sets the service's {@code swapline.*} properties from what serves the object now and whether it waits. */
    void updateServiceProperties() {
        registration.setProperties(ObjectServiceProperties.of(object, serving, state == ObjectState.WAITING));
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
            boolean serves = isServedBy(offer) || (state == ObjectState.HANDING_OVER && offer == serving);
            servingOffered |= serves;
            candidates.add(new ObjectView.Candidate(offer, serves, true,
                    serves ? null : authorisation.refusal(offer, serving.symbolicName())));
        }
        if (!servingOffered) { // its bundle is stopping, stopped or being updated
            candidates.add(0, new ObjectView.Candidate(serving, state != ObjectState.WAITING, false, null));
        }
        List<SwapRecord> history = new ArrayList<>(object.history());
        history.addAll(refusals);
        history.sort(Comparator.comparing(SwapRecord::startedAt));
        Root<?> live = waiting != null && waiting.successor() != null ? waiting.successor() : root;
        String servingProtocols = state == ObjectState.WAITING ? null : ImplementationProtocols.describe(
                live instanceof SuccessorRoot<?> takeover ? takeover.successor() : live); // the live root's
        return new ObjectView(object, serving, state == ObjectState.WAITING, servingProtocols, candidates, history);
    }
}
