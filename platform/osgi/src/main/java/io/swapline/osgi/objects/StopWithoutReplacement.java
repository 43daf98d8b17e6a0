package io.swapline.osgi.objects;

import java.time.Duration;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.swapline.api.Root;
import io.swapline.api.SwapRecord;
import io.swapline.api.SwapRefusedException;
import io.swapline.api.TransferProtocol;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.osgi.holders.HolderOperations;
import io.swapline.osgi.holders.RevisionHolders;
import io.swapline.osgi.implementations.ImplementationAuthorisation;
import io.swapline.osgi.implementations.ImplementationDeclaration;
import io.swapline.osgi.policy.ConfiguredPolicies;

/**
 * What happens to an object whose serving bundle stops or is uninstalled for good (not updated):
 * it is swapped, on the stopping thread while the old revision still loads classes, to the most
 * preferred allowed implementation another ACTIVE bundle offers, or else to a {@link WaitingRoot}
 * that keeps the state and makes calls wait for a replacement, up to
 * {@code swapline.replacement.timeout.ms} each. The next allowed implementation that starts (or
 * that {@code swapline:swap} names) gets the kept state and the waiting calls: the handover, which
 * ends with a swap from the waiting root to a {@link SuccessorRoot}.
 *
 * <p><b>Locking.</b> No state of its own; called only holding the {@link PublishedObjects}
 * monitor, which guards the {@link KnownObject}s (including {@link KnownObject#waiting}), and every
 * swap runs to its end under it. Holding it, this class calls {@link ConfiguredPolicies} (its own
 * monitor) and the core runtime: lock order PublishedObjects → ConfiguredPolicies → core.
 */
public final class StopWithoutReplacement {

    /** The extender's log lines keep their logger name (log settings and the README use it). */
    private static final Logger LOG = LoggerFactory.getLogger(PublishedObjects.class);

    private final ClusteredObjectRuntime runtime;
    private final RevisionHolders holders;
    private final ConfiguredPolicies policies;
    private final ImplementationAuthorisation authorisation;
    private final ImplementationSwapper swapper;
    private final Duration replacementTimeout;

    StopWithoutReplacement(ClusteredObjectRuntime runtime, RevisionHolders holders, ConfiguredPolicies policies,
            ImplementationAuthorisation authorisation, ImplementationSwapper swapper, Duration replacementTimeout) {
        this.runtime = runtime;
        this.holders = holders;
        this.policies = policies;
        this.authorisation = authorisation;
        this.swapper = swapper;
        this.replacementTimeout = replacementTimeout;
    }

    /**
     * The serving bundle stopped for good: swap to the most preferred allowed implementation that
     * another ACTIVE bundle offers, or, if there is none or that swap does not complete, to a
     * waiting root. Runs on the stopping thread, while the stopping revision still loads classes.
     */
    void replaceStopped(KnownObject known) {
        ImplementationDeclaration stopped = known.serving;
        Optional<ImplementationDeclaration> alternative = known.offered
                .best(offer -> authorisation.refusal(offer, stopped.symbolicName()) == null);
        if (alternative.isPresent()) {
            try {
                if (swapper.swap(known, alternative.get(), holders).completed()) {
                    return;
                }
            } catch (SwapRefusedException e) { // logged by swap(): wait for a replacement instead
                LOG.debug("'{}' not swapped to {}", known.name, alternative.get().bundleLabel());
            }
        }
        waitForReplacement(known);
    }

    private void waitForReplacement(KnownObject known) {
        WaitingRoot<?> waiting = waitingRoot(known.name, known.object.type(), known.root, known.serving.bundleLabel());
        SwapRecord record;
        try {
            record = swapper.swapRoot(known.object, waiting);
        } catch (SwapRefusedException e) {
            record = e.record();
        }
        if (!record.completed()) {
            LOG.warn("'{}' cannot wait for a replacement of {}, so it keeps serving from the stopped revision: {}",
                    known.name, known.serving.bundleLabel(), record);
            return;
        }
        known.root = waiting;
        known.waiting = waiting; // the stopped revision's holder stays until the handover: the kept state may use its classes
        known.updateServiceProperties();
        policies.candidatesChanged(known.object, known.policyCandidates(authorisation));
        LOG.info("'{}' waits for a replacement of {} (each call up to {} ms), its state kept: {}", known.name,
                known.serving.bundleLabel(), replacementTimeout.toMillis(), record);
    }

    /** A handover caused by a bundle event: its outcome is logged, nothing is thrown for a refusal. */
    void handOverQuietly(KnownObject known, ImplementationDeclaration next) {
        try {
            handOver(known, next, holders);
        } catch (SwapRefusedException e) { // logged at WARN by KnownObject.refuse(); the object keeps waiting
            LOG.debug("'{}' keeps waiting: {} refused", known.name, next.bundleLabel());
        }
    }

    /**
     * Ends an object's wait (authorisation already checked): makes {@code next}'s root, imports the
     * kept state into it, releases the waiting calls to it, then swaps the waiting root out for a
     * {@link SuccessorRoot} of it (see {@link WaitingRoot}, "Handover").
     *
     * @param holding how holders are installed and uninstalled on this thread
     * @return the record of the swap from the waiting root
     * @throws SwapRefusedException if {@code next} cannot take the kept state; the object keeps waiting
     */
    SwapRecord handOver(KnownObject known, ImplementationDeclaration next, HolderOperations holding) {
        WaitingRoot<?> waiting = known.waiting;
        Root<?> successor = swapper.rootFor(known, next);
        successor.attach(runtime.slotCount());
        String importFailure = importKeptState(waiting, successor);
        if (importFailure != null) {
            throw known.refuse(next, importFailure);
        }
        Bundle nextHolder = swapper.holdRevision(known, next, holding);
        waiting.handOver(successor); // from here on the successor serves every call and holds the state
        ImplementationDeclaration stopped = known.serving;
        Bundle stoppedHolder = known.holder;
        known.serving = next;
        known.holder = nextHolder;
        known.waiting = null;
        holding.release(stoppedHolder);
        SuccessorRoot<?> takeover = successorOf(successor);
        SwapRecord record;
        try {
            record = swapper.swapRoot(known.object, takeover);
        } catch (SwapRefusedException e) {
            record = e.record();
        }
        if (record.completed()) {
            takeover.adoptSuccessorReps();
            known.root = takeover;
            LOG.info("'{}' handed over from the wait for {} to {} with its kept state: {}", known.name,
                    stopped.bundleLabel(), next.bundleLabel(), record);
        } else { // still correct: the waiting root runs every call on the successor, by reflection
            known.root = waiting;
            LOG.warn("'{}' is served by {} through the waiting root (by reflection, and no further swap is"
                    + " possible): the swap from it did not complete: {}", known.name, next.bundleLabel(), record);
        }
        known.updateServiceProperties();
        policies.candidatesChanged(known.object, known.policyCandidates(authorisation));
        return record;
    }

    /** @return why {@code successor} cannot take the waiting root's kept state, or null once it has */
    private static String importKeptState(WaitingRoot<?> waiting, Root<?> successor) {
        TransferProtocol<?> kept = waiting.keptProtocol();
        if (kept == null) {
            return null; // the stopped implementation was stateless
        }
        for (TransferProtocol<?> protocol : successor.importProtocols()) {
            if (protocol.agreesWith(kept)) {
                try {
                    importInto(successor, protocol, waiting.keptState());
                    return null;
                } catch (RuntimeException e) { // the import's own failure: refuse, the state stays kept
                    return "importing the kept state through " + protocol.name() + " failed: " + e;
                }
            }
        }
        return "it does not import " + kept + ", the protocol the kept state is in";
    }

    private static <S> void importInto(Root<?> root, TransferProtocol<S> protocol, Object state) {
        root.importState(protocol, protocol.stateType().cast(state));
    }

    private <T> WaitingRoot<T> waitingRoot(String name, Class<T> type, Root<?> stopping, String stoppedLabel) {
        return new WaitingRoot<>(name, type, stopping, stoppedLabel, replacementTimeout);
    }

    private static <T> SuccessorRoot<T> successorOf(Root<T> successor) {
        return new SuccessorRoot<>(successor);
    }
}
