package io.swapline.osgi.objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.swapline.api.ClusteredObject;
import io.swapline.api.Root;
import io.swapline.api.SwapRecord;
import io.swapline.api.SwapRefusedException;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.osgi.holders.PreparedHolder;
import io.swapline.osgi.implementations.ImplementationAuthorisation;
import io.swapline.osgi.implementations.ImplementationDeclaration;
import io.swapline.osgi.policy.ConfiguredPolicies;

/**
 * The path of every swap of a published object from one implementation to another (an update, a
 * refresh, {@code swapline:swap}, an autonomic policy, a stop with an alternative): makes the new
 * root through the implementation's bundle, has the runtime swap, then records the change in the
 * {@link KnownObject}, updates the service properties, lets the old revision's holder go and gives
 * the object's policy its candidates. Logs the record: INFO when complete, WARN otherwise; one
 * DEBUG line per phase.
 *
 * <p><b>Locking.</b> No state of its own; called only holding the {@link PublishedObjects}
 * monitor, and the swap runs to its end under it. Holding it, this class calls
 * {@link ConfiguredPolicies} (its own monitor) and the core runtime: lock order
 * PublishedObjects → ConfiguredPolicies → core. It never calls the framework: the new revision's
 * holder was installed before the monitor was taken, and holders it lets go are uninstalled after
 * ({@link PreparedHolder}).
 */
public final class ImplementationSwapper {

    /** The extender's log lines keep their logger name (log settings and the README use it). */
    private static final Logger LOG = LoggerFactory.getLogger(PublishedObjects.class);

    private final ClusteredObjectRuntime runtime;
    private final ConfiguredPolicies policies;
    private final ImplementationAuthorisation authorisation;

    ImplementationSwapper(ClusteredObjectRuntime runtime, ConfiguredPolicies policies,
            ImplementationAuthorisation authorisation) {
        this.runtime = runtime;
        this.policies = policies;
        this.authorisation = authorisation;
    }

    /**
     * Swaps an object to {@code next} (authorisation already checked), taking the holder prepared
     * for its revision and letting the old one go. Logs the record: INFO when complete, WARN otherwise.
     *
     * @param holders the holder prepared for {@code next}'s revision; takes what is let go
     * @return the record, completed or rolled back
     * @throws SwapRefusedException if the extender or the runtime refused the swap; nothing changed
     */
    SwapRecord swap(KnownObject known, ImplementationDeclaration next, PreparedHolder holders) {
        ClusteredObject<?> object = known.object();
        ImplementationDeclaration previous = known.serving();
        Root<?> root = rootFor(known, next);
        SwapRecord record;
        try {
            record = swapRoot(object, root);
        } catch (SwapRefusedException e) {
            LOG.warn("swap of '{}' from {} to {} refused: {}", object.name(), previous.bundleLabel(),
                    next.bundleLabel(), e.record());
            throw e;
        }
        if (!record.completed()) {
            LOG.warn("swap of '{}' from {} to {} rolled back; {} keeps serving: {}", object.name(),
                    previous.bundleLabel(), next.bundleLabel(), previous.bundleLabel(), record);
            return record;
        }
        LOG.info("swapped '{}' from {} to {}: {}", object.name(), previous.bundleLabel(), next.bundleLabel(), record);
        holders.release(known.swapped(next, root, holders.take(next.revision()))); // the old revision stays removal pending until a refresh
        known.updateServiceProperties();
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
            Class<?> type = next.bundle().loadClass(next.interfaceName());
            if (type != known.object().type()) {
                throw known.refuse(next, "it sees another " + next.interfaceName() + " (loaded by "
                        + type.getClassLoader() + "), not the one clients use");
            }
            return next.newRoot();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw known.refuse(next, e.toString());
        }
    }

    /**
     * The refusal of a step whose new revision cannot be held loadable, recorded and logged.
     *
     * @param why what installing or resolving the holder threw
     * @return the exception to throw
     */
    static SwapRefusedException refuseUnheld(KnownObject known, ImplementationDeclaration next, Exception why) {
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
