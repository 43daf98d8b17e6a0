package io.swapline.osgi.objects;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.swapline.api.ClusteredObject;
import io.swapline.api.Root;
import io.swapline.api.SwapRecord;
import io.swapline.api.SwapRefusedException;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.osgi.holders.HolderOperations;
import io.swapline.osgi.holders.RevisionHolders;
import io.swapline.osgi.implementations.ImplementationAuthorisation;
import io.swapline.osgi.implementations.ImplementationDeclaration;
import io.swapline.osgi.implementations.RootUnavailableException;
import io.swapline.osgi.policy.ConfiguredPolicies;

/**
 * The path of every swap of a published object from one implementation to another (an update, a
 * refresh, {@code swapline:swap}, an autonomic policy, a stop with an alternative): makes the new
 * root through the implementation's bundle, holds its revision loadable, has the runtime swap,
 * then updates the service properties, releases the old revision's holder and gives the object's
 * policy its candidates. Logs the record: INFO when complete, WARN otherwise; one DEBUG line per
 * phase.
 *
 * <p><b>Locking.</b> No state of its own; called only holding the {@link PublishedObjects}
 * monitor, which guards the {@link KnownObject}s, and the swap runs to its end under it. Holding
 * it, this class calls {@link ConfiguredPolicies} (its own monitor) and the core runtime: lock
 * order PublishedObjects → ConfiguredPolicies → core. Holders are installed and uninstalled
 * through the caller's {@link HolderOperations}: at once on a bundle event's thread, before and
 * after the monitor on the shell's or a policy's.
 */
public final class ImplementationSwapper {

    /** The extender's log lines keep their logger name (log settings and the README use it). */
    private static final Logger LOG = LoggerFactory.getLogger(PublishedObjects.class);

    private final ClusteredObjectRuntime runtime;
    private final RevisionHolders holders;
    private final ConfiguredPolicies policies;
    private final ImplementationAuthorisation authorisation;

    ImplementationSwapper(ClusteredObjectRuntime runtime, RevisionHolders holders, ConfiguredPolicies policies,
            ImplementationAuthorisation authorisation) {
        this.runtime = runtime;
        this.holders = holders;
        this.policies = policies;
        this.authorisation = authorisation;
    }

    /** A swap caused by a bundle event: its outcome is logged, nothing is thrown for a refusal. */
    void swapQuietly(KnownObject known, ImplementationDeclaration next) {
        try {
            swap(known, next, holders);
        } catch (SwapRefusedException e) { // logged at WARN by swap(); the current implementation serves
            LOG.debug("'{}' not swapped to {}", known.name, next.bundleLabel());
        }
    }

    /**
     * Swaps an object to {@code next} (authorisation already checked): holds the new revision,
     * swaps, releases the old holder. Logs the record: INFO when complete, WARN otherwise.
     *
     * @param holding how holders are installed and uninstalled on this thread
     * @return the record, completed or rolled back
     * @throws SwapRefusedException if the extender or the runtime refused the swap; nothing changed
     */
    SwapRecord swap(KnownObject known, ImplementationDeclaration next, HolderOperations holding) {
        ClusteredObject<?> object = known.object;
        ImplementationDeclaration previous = known.serving;
        Root<?> root = rootFor(known, next);
        Bundle nextHolder = holdRevision(known, next, holding);
        SwapRecord record;
        try {
            record = swapRoot(object, root);
        } catch (SwapRefusedException e) {
            holding.release(nextHolder);
            LOG.warn("swap of '{}' from {} to {} refused: {}", object.name(), previous.bundleLabel(),
                    next.bundleLabel(), e.record());
            throw e;
        } catch (RuntimeException e) { // e.g. the object was destroyed meanwhile; the caller logs it
            holding.release(nextHolder);
            throw e;
        }
        if (!record.completed()) {
            holding.release(nextHolder);
            LOG.warn("swap of '{}' from {} to {} rolled back; {} keeps serving: {}", object.name(),
                    previous.bundleLabel(), next.bundleLabel(), previous.bundleLabel(), record);
            return record;
        }
        LOG.info("swapped '{}' from {} to {}: {}", object.name(), previous.bundleLabel(), next.bundleLabel(), record);
        Bundle previousHolder = known.holder;
        known.root = root;
        known.serving = next;
        known.holder = nextHolder;
        known.updateServiceProperties();
        holding.release(previousHolder); // the old revision stays removal pending until a refresh
        policies.candidatesChanged(object, known.policyCandidates(authorisation)); // authorisation is relative to the serving bundle
        return record;
    }

    /**
     * A new root of {@code next}, made through its bundle.
     *
     * @throws SwapRefusedException (recorded) if its bundle sees another interface than the clients
     *     use, or the root cannot be made
     */
    Root<?> rootFor(KnownObject known, ImplementationDeclaration next) {
        try {
            return next.newRoot(known.object.type());
        } catch (RootUnavailableException e) { // its message is the one line to record
            throw known.refuse(next, e.getMessage());
        }
    }

    /**
     * Holds {@code next}'s revision loadable.
     *
     * @param holding how holders are installed on this thread
     * @return the holder, for {@link HolderOperations#release}
     * @throws SwapRefusedException (recorded) if the revision cannot be held
     */
    Bundle holdRevision(KnownObject known, ImplementationDeclaration next, HolderOperations holding) {
        try {
            return holding.hold(next.revision());
        } catch (BundleException e) {
            throw refuseUnheld(known, next, e);
        }
    }

    /**
     * The refusal of a swap whose new revision cannot be held loadable, recorded and logged.
     *
     * @param why what installing or resolving the holder threw
     * @return the exception to throw
     */
    SwapRefusedException refuseUnheld(KnownObject known, ImplementationDeclaration next, Exception why) {
        return known.refuse(next, "the new revision cannot be held loadable: " + why);
    }

    /**
     * Has the runtime swap the object to {@code root}, and logs the phases it went through.
     *
     * @return the record, completed or rolled back
     * @throws SwapRefusedException if the runtime refused the swap
     */
    @SuppressWarnings("unchecked") // the Reps' interface is unknown to the compiler; a wrong one fails at the first call
    <T> SwapRecord swapRoot(ClusteredObject<T> object, Root<?> root) {
        SwapRecord record;
        try {
            record = runtime.swap(object, (Root<? extends T>) root);
        } catch (SwapRefusedException e) {
            logPhases(e.record());
            throw e;
        }
        logPhases(record);
        return record;
    }

    /**
     * One DEBUG line per phase the swap went through. Written from the record once the swap has
     * ended: the runtime reports phases through the record, not as they happen.
     */
    private static void logPhases(SwapRecord record) {
        if (LOG.isDebugEnabled()) {
            record.phaseTimes().forEach((phase, time) -> LOG.debug("swap of '{}' ({} -> {}): {} took {} us",
                    record.objectName(), record.from(), record.to(), phase, time.toNanos() / 1_000));
        }
    }
}
