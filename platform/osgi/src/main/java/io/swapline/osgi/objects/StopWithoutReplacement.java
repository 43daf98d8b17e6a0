package io.swapline.osgi.objects;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.swapline.api.Root;
import io.swapline.api.SwapPhase;
import io.swapline.api.SwapRecord;
import io.swapline.api.SwapRefusedException;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.core.transfer.ProtocolNegotiation;
import io.swapline.core.transfer.StateTransfer;
import io.swapline.osgi.holders.PreparedHolder;
import io.swapline.osgi.implementations.ImplementationAuthorisation;
import io.swapline.osgi.implementations.ImplementationDeclaration;
import io.swapline.osgi.implementations.RootUnavailableException;
import io.swapline.osgi.policy.ConfiguredPolicies;

/**
 * What happens to an object whose serving bundle stops or is uninstalled for good (not updated)
 * with no allowed successor active: it is swapped, on the stopping thread while the old revision
 * still loads classes, to a {@link WaitingRoot} that keeps the state and makes calls wait for a
 * successor, up to {@code swapline.replacement.timeout.ms} each ({@link #waitForReplacement}).
 * The next allowed implementation that starts (or that {@code swapline:swap} names) gets the kept
 * state and the waiting calls: the hand-over ({@link #handOver}), negotiated with the kept state
 * exactly as a direct swap from the stopped implementation would be, which ends with a swap from
 * the waiting root to a {@link SuccessorRoot} ({@link #completeTakeover}).
 *
 * <p>A successor whose bundle sees another {@code Class} for the object's interface (the API
 * bundle was refreshed or updated, and the implementations with it) cannot serve the object's
 * clients, whose stub implements the old interface: the object is published anew under the new
 * interface ({@link #republish}), its state carried through a protocol whose state type both
 * wirings load alike (a JDK type), or, where none exists, started afresh after one WARN.
 *
 * <p><b>Locking.</b> No state of its own; called only holding the {@link PublishedObjects}
 * monitor, and every swap runs to its end under it. It never calls the framework to install or
 * uninstall: holders come prepared and are let go through {@link PreparedHolder}.
 */
final class StopWithoutReplacement {

    /** The extender's log lines keep their logger name (log settings and the README use it). */
    private static final Logger LOG = LoggerFactory.getLogger(PublishedObjects.class);

    private final ClusteredObjectRuntime runtime;
    private final ConfiguredPolicies policies;
    private final ImplementationAuthorisation authorisation;
    private final ImplementationSwapper swapper;
    private final ObjectPublisher publisher;
    private final Supplier<Duration> replacementTimeout;

    StopWithoutReplacement(ClusteredObjectRuntime runtime, ConfiguredPolicies policies,
            ImplementationAuthorisation authorisation, ImplementationSwapper swapper, ObjectPublisher publisher,
            Supplier<Duration> replacementTimeout) {
        this.runtime = runtime;
        this.policies = policies;
        this.authorisation = authorisation;
        this.swapper = swapper;
        this.publisher = publisher;
        this.replacementTimeout = replacementTimeout;
    }

    /**
     * Swaps the object to a waiting root that keeps its state. If that swap does not complete, the
     * object keeps serving from the stopped revision (its holder keeps it loadable), logged at WARN.
     */
    void waitForReplacement(KnownObject known) {
        Duration timeout = replacementTimeout.get(); // the setting in force when the wait starts
        WaitingRoot<?> waiting = waitingRoot(known.name, known.object().type(), known.root(),
                known.serving().bundleLabel(), timeout);
        SwapRecord record;
        try {
            record = swapper.swapRoot(known.object(), waiting);
        } catch (SwapRefusedException e) {
            record = e.record();
        }
        if (!record.completed()) {
            LOG.warn("'{}' cannot wait for a replacement of {}, so it keeps serving from the stopped revision: {}",
                    known.name, known.serving().bundleLabel(), record);
            return;
        }
        known.waitsIn(waiting);
        known.updateServiceProperties();
        policies.candidatesChanged(known.object(), known.policyCandidates(authorisation));
        LOG.info("'{}' waits for a replacement of {} (each call up to {} ms), its state kept in {}: {}", known.name,
                known.serving().bundleLabel(), timeout.toMillis(), waiting.keptProtocols(), record);
    }

    /**
     * Ends an object's wait (authorisation already checked): makes {@code next}'s root, moves the
     * kept state into it through the protocol a direct swap would negotiate, releases the waiting
     * calls to it, then swaps the waiting root out ({@link #completeTakeover}). A successor that
     * sees another interface class republishes the object ({@link #republish}).
     *
     * @param holders the holder prepared for {@code next}'s revision; takes what is let go
     * @return the record of the swap from the waiting root (or of the republication)
     * @throws SwapRefusedException if {@code next} cannot take the kept state; the object keeps
     *     waiting, and waiting calls that time out say why
     */
    SwapRecord handOver(KnownObject known, ImplementationDeclaration next, PreparedHolder holders) {
        WaitingRoot<?> waiting = known.waiting();
        if (publisher.seesAnotherInterface(known, next)) {
            return republish(known, next, holders);
        }
        Root<?> successor = swapper.rootFor(known, next);
        successor.attach(runtime.slotCount());
        String importFailure = importKeptState(waiting, successor);
        if (importFailure != null) {
            waiting.refused(next.bundleLabel() + ": " + importFailure);
            ObjectPublisher.destroyUnused(successor, known.name);
            throw known.refuse(next, importFailure);
        }
        waiting.handOver(successor); // from here on the successor serves every call and holds the state
        ImplementationDeclaration stopped = known.serving();
        holders.release(known.handingOver(next, holders.take(next.revision())));
        LOG.info("'{}' handed over from the wait for {} to {} with its kept state", known.name, stopped.bundleLabel(),
                next.bundleLabel());
        return completeTakeover(known);
    }

    /**
     * Swaps the waiting root out for a {@link SuccessorRoot} of the successor that holds the state
     * (HANDING_OVER → SERVING). If the swap does not complete, the successor keeps serving through
     * the waiting root (by reflection) and the object stays HANDING_OVER; the extender tries again.
     *
     * @return the record of the swap
     */
    SwapRecord completeTakeover(KnownObject known) {
        SuccessorRoot<?> takeover = successorOf(known.waiting().successor());
        SwapRecord record;
        try {
            record = swapper.swapRoot(known.object(), takeover);
        } catch (SwapRefusedException e) {
            record = e.record();
        }
        if (record.completed()) {
            takeover.adoptSuccessorReps();
            known.takenOver(takeover);
            LOG.info("'{}' is served by {} directly, the waiting root swapped out: {}", known.name,
                    known.serving().bundleLabel(), record);
        } else { // still correct: the waiting root runs every call on the successor, by reflection
            LOG.warn("'{}' is served by {} through the waiting root (by reflection) until the swap from it"
                    + " completes; it will be tried again: {}", known.name, known.serving().bundleLabel(), record);
        }
        known.updateServiceProperties();
        policies.candidatesChanged(known.object(), known.policyCandidates(authorisation));
        return record;
    }

    /**
     * Publishes the object anew under the interface class {@code next} sees (its API bundle was
     * refreshed or updated): a new object with a new stub whose root is {@code next}'s, the kept
     * state moved into it through a protocol both wirings share (state type identical, e.g. a JDK
     * type), a new service registered, the old service unregistered and the old object destroyed
     * (waiting calls on it fail, naming the reason: their clients are refreshed with the API
     * bundle). Where no protocol is shared, the object starts afresh from {@code next}, one WARN
     * saying the state was not carried.
     */
    private SwapRecord republish(KnownObject known, ImplementationDeclaration next, PreparedHolder holders) {
        WaitingRoot<?> waiting = known.waiting();
        String from = known.serving().className() + " (" + known.serving().bundleLabel() + ")";
        waiting.end("moved to a new interface class: its API bundle was refreshed or updated, and its clients"
                + " with it (calls on the new service go on)");
        publisher.retire(known.object(), known.registration(), known.name); // the name is free for the new object
        ObjectPublisher.Publication publication;
        try {
            publication = publisher.publish(known.name, next);
        } catch (RootUnavailableException | RuntimeException e) {
            holders.release(known.closed());
            String reason = "'" + known.name + "' was destroyed: its interface class changed with an API bundle refresh"
                    + " and " + next.bundleLabel() + " could not publish it anew: " + e;
            LOG.warn(reason);
            throw new IllegalStateException(reason, e);
        }
        String carried;
        boolean kept;
        try {
            carried = "its state carried through " + StateTransfer.transferDetached(waiting, publication.root())
                    .protocolName();
            kept = true;
        } catch (RuntimeException e) { // no protocol whose state type both wirings share, or the import failed
            publisher.retire(publication.object(), publication.registration(), known.name);
            publication = publishAfresh(known, next);
            carried = "its state NOT carried: " + e.getMessage();
            kept = false;
        }
        holders.release(known.republished(publication.object(), publication.registration(), next, publication.root(),
                holders.take(next.revision())));
        String line = "'" + known.name + "' is published anew under " + next.interfaceName() + " from "
                + next.bundleLabel() + " (its interface class changed with an API bundle refresh), " + carried;
        if (kept) {
            LOG.info(line);
        } else {
            LOG.warn(line);
        }
        policies.published(publication.object(), known.policyCandidates(authorisation));
        return new SwapRecord(known.name, from, next.className() + " (" + next.bundleLabel() + ")",
                kept ? carried.substring(carried.lastIndexOf(' ') + 1) : "none", SwapPhase.COMPLETE,
                "published anew under a new interface class", Instant.now(), Map.of(), 0, 0, Duration.ZERO);
    }

    /** The object's second publication under the new interface, after the first could not take the state. */
    private ObjectPublisher.Publication publishAfresh(KnownObject known, ImplementationDeclaration next) {
        try {
            return publisher.publish(known.name, next);
        } catch (RootUnavailableException e) { // it was made once just before: not expected
            throw new IllegalStateException(next.bundleLabel() + " could not publish '" + known.name + "' again: " + e, e);
        }
    }

    /** @return why {@code successor} cannot take the waiting root's kept state, or null once it has */
    private static String importKeptState(WaitingRoot<?> waiting, Root<?> successor) {
        ProtocolNegotiation.Result negotiated = ProtocolNegotiation.negotiate(waiting, successor);
        if (negotiated.refused()) {
            return negotiated.refusal();
        }
        try {
            StateTransfer.run(negotiated, waiting, successor, Runnable::run);
            return null;
        } catch (RuntimeException e) { // the import's own failure: refuse, the state stays kept
            return "importing the kept state through " + negotiated.protocolName() + " failed: " + e;
        }
    }

    private <T> WaitingRoot<T> waitingRoot(String name, Class<T> type, Root<?> stopping, String stoppedLabel,
            Duration timeout) {
        return new WaitingRoot<>(name, type, stopping, stoppedLabel, timeout);
    }

    private static <T> SuccessorRoot<T> successorOf(Root<T> successor) {
        return new SuccessorRoot<>(successor);
    }
}
