package io.swapline.osgi.objects;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.swapline.api.ClusteredObject;
import io.swapline.api.Root;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.osgi.holders.RevisionHolders;
import io.swapline.osgi.implementations.ImplementationAuthorisation;
import io.swapline.osgi.implementations.ImplementationDeclaration;
import io.swapline.osgi.implementations.RootUnavailableException;
import io.swapline.osgi.policy.ConfiguredPolicies;

/**
 * The publication of an object: creates it from its first implementation (root made through the
 * implementation's bundle, revision held loadable) and registers its stub as a service of its
 * interface, from the extender's own context, with the {@code swapline.*} properties
 * ({@link ObjectServiceProperties}); when the extender stops, unregisters the service and
 * destroys the object. A swap never unregisters the service: it changes only its properties
 * ({@link KnownObject#updateServiceProperties}).
 *
 * <p><b>Locking.</b> No state of its own; called only by {@link PublishedObjects} holding its
 * monitor, which guards the {@link KnownObject}s. Holding it, this class calls
 * {@link ConfiguredPolicies} (its own monitor) and the core runtime: lock order
 * PublishedObjects → ConfiguredPolicies → core.
 */
public final class ObjectPublisher {

    /** The extender's log lines keep their logger name (log settings and the README use it). */
    private static final Logger LOG = LoggerFactory.getLogger(PublishedObjects.class);

    private final BundleContext context;
    private final ClusteredObjectRuntime runtime;
    private final RevisionHolders holders;
    private final ConfiguredPolicies policies;
    private final ImplementationAuthorisation authorisation;

    ObjectPublisher(BundleContext context, ClusteredObjectRuntime runtime, RevisionHolders holders,
            ConfiguredPolicies policies, ImplementationAuthorisation authorisation) {
        this.context = context;
        this.runtime = runtime;
        this.holders = holders;
        this.policies = policies;
        this.authorisation = authorisation;
    }

    /**
     * Creates the object from {@code implementation}, publishes it and gives its policy its
     * candidates; a failure to make the root or hold the revision is logged (WARN).
     *
     * @return whether the object was created and published
     */
    boolean create(KnownObject known, ImplementationDeclaration implementation) {
        Class<?> type;
        Root<?> root;
        try {
            type = implementation.loadInterface();
            root = implementation.newRoot(type);
        } catch (RootUnavailableException e) { // its message is the one line to log
            LOG.warn("cannot create '{}': {}", implementation.objectName(), e.getMessage());
            return false;
        }
        Bundle holder;
        try {
            holder = holders.hold(implementation.revision());
        } catch (BundleException e) {
            LOG.warn("cannot create '{}' from {}: its revision cannot be held loadable: {}",
                    implementation.objectName(), implementation.bundleLabel(), e.toString());
            return false;
        }
        ClusteredObject<?> object;
        try {
            object = createObject(implementation.objectName(), type, root);
        } catch (RuntimeException e) {
            holders.release(holder);
            throw e;
        }
        try {
            known.registration = context.registerService(implementation.interfaceName(), object.stub(),
                    ObjectServiceProperties.of(object, implementation, false));
        } catch (RuntimeException e) {
            runtime.destroy(object);
            holders.release(holder);
            throw e;
        }
        known.object = object;
        known.root = root;
        known.serving = implementation;
        known.holder = holder;
        LOG.info("created '{}' ({}) from {}, {} root; service id {}", object.name(), type.getName(),
                implementation.bundleLabel(), object.kind(),
                known.registration.getReference().getProperty(Constants.SERVICE_ID));
        policies.published(object, known.policyCandidates(authorisation));
        return true;
    }

    /** Unregisters the published object's service, destroys the object and releases its holder; for the extender's stop. */
    void unpublish(KnownObject known) {
        try {
            known.registration.unregister();
        } catch (IllegalStateException e) { // already unregistered when the extender's context closed
            LOG.debug("service of '{}' was already unregistered", known.name);
        }
        runtime.destroy(known.object);
        holders.release(known.holder);
    }

    @SuppressWarnings("unchecked") // the Reps' interface is unknown to the compiler; a wrong one fails at the first call
    private <T> ClusteredObject<T> createObject(String name, Class<T> type, Root<?> root) {
        return runtime.create(name, type, (Root<? extends T>) root);
    }
}
