package io.swapline.osgi.objects;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.swapline.api.ClusteredObject;
import io.swapline.api.Root;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.osgi.holders.PreparedHolder;
import io.swapline.osgi.implementations.ImplementationAuthorisation;
import io.swapline.osgi.implementations.ImplementationDeclaration;
import io.swapline.osgi.policy.ConfiguredPolicies;

/**
 * The publication of an object: creates it from an implementation (root made through the
 * implementation's bundle) and registers its stub as a service of its interface, from the
 * extender's own context, with the {@code swapline.*} properties ({@link ObjectServiceProperties});
 * when the object ends, unregisters the service and destroys the object. A swap never unregisters
 * the service: it changes only its properties ({@link KnownObject#updateServiceProperties}); only a
 * change of the interface class itself ({@link StopWithoutReplacement}, republication) does.
 *
 * <p><b>Locking.</b> No state of its own; called only by {@link PublishedObjects} holding its
 * monitor. Holding it, this class calls {@link ConfiguredPolicies} (its own monitor), the core
 * runtime, and the service registry (registering and unregistering a service takes no Felix lock
 * that a refresh holds); holders come prepared ({@link PreparedHolder}).
 */
final class ObjectPublisher {

    /** The extender's log lines keep their logger name (log settings and the README use it). */
    private static final Logger LOG = LoggerFactory.getLogger(PublishedObjects.class);

    /**
     * A published object: the object, its root and its service.
     *
     * @param object the object
     * @param root the root it was created with
     * @param registration its service
     */
    record Publication(ClusteredObject<?> object, Root<?> root, ServiceRegistration<?> registration) {
    }

    private final BundleContext context;
    private final ClusteredObjectRuntime runtime;
    private final ConfiguredPolicies policies;
    private final ImplementationAuthorisation authorisation;

    ObjectPublisher(BundleContext context, ClusteredObjectRuntime runtime, ConfiguredPolicies policies,
            ImplementationAuthorisation authorisation) {
        this.context = context;
        this.runtime = runtime;
        this.policies = policies;
        this.authorisation = authorisation;
    }

    /**
     * Creates the object from {@code implementation} (OFFERED → SERVING), publishes it and gives its
     * policy its candidates; a failure to make the root is logged (WARN) and leaves the object OFFERED.
     *
     * @param holders the holder prepared for the implementation's revision
     * @return whether the object was created and published
     */
    boolean create(KnownObject known, ImplementationDeclaration implementation, PreparedHolder holders) {
        Publication publication;
        try {
            publication = publish(known.name, implementation);
        } catch (ReflectiveOperationException | ClassCastException e) {
            LOG.warn("cannot create '{}' from {}: {}", implementation.objectName(), implementation.bundleLabel(),
                    e.toString());
            return false;
        }
        known.published(publication.object(), publication.registration(), implementation, publication.root(),
                holders.take(implementation.revision()));
        LOG.info("created '{}' ({}) from {}, {} root; service id {}", known.name, implementation.interfaceName(),
                implementation.bundleLabel(), publication.object().kind(),
                publication.registration().getReference().getProperty(Constants.SERVICE_ID));
        policies.published(publication.object(), known.policyCandidates(authorisation));
        return true;
    }

    /**
     * Makes a root of {@code implementation}, creates an object named {@code name} of the interface
     * the implementation's bundle sees, and registers its stub.
     *
     * @return the publication
     * @throws ReflectiveOperationException if the interface or the root cannot be loaded or made
     * @throws ClassCastException if the root class is not a root
     */
    Publication publish(String name, ImplementationDeclaration implementation)
            throws ReflectiveOperationException {
        Class<?> type = implementation.bundle().loadClass(implementation.interfaceName());
        Root<?> root = implementation.newRoot();
        ClusteredObject<?> object = createObject(name, type, root);
        ServiceRegistration<?> registration;
        try {
            registration = context.registerService(implementation.interfaceName(), object.stub(),
                    ObjectServiceProperties.of(object, implementation, false));
        } catch (RuntimeException e) {
            runtime.destroy(object);
            throw e;
        }
        return new Publication(object, root, registration);
    }

    /**
     * @return whether {@code next}'s bundle sees another class for the object's interface than the
     *     one the object (and its clients) use; false if the interface does not load at all (the
     *     root's construction then says why)
     */
    boolean seesAnotherInterface(KnownObject known, ImplementationDeclaration next) {
        try {
            return next.bundle().loadClass(next.interfaceName()) != known.object().type();
        } catch (ClassNotFoundException | IllegalStateException e) {
            return false;
        }
    }

    /** Unregisters an object's service and destroys the object. */
    void retire(ClusteredObject<?> object, ServiceRegistration<?> registration, String name) {
        try {
            registration.unregister();
        } catch (IllegalStateException e) { // already unregistered when the extender's context closed
            LOG.debug("service of '{}' was already unregistered", name);
        }
        runtime.destroy(object);
    }

    /** Unregisters the published object's service and destroys the object (→ CLOSED). */
    void unpublish(KnownObject known, PreparedHolder holders) {
        retire(known.object(), known.registration(), known.name);
        holders.release(known.closed());
    }

    /** Runs the destroy hook of a root that was attached but never installed (its hand-over was refused). */
    static void destroyUnused(Root<?> root, String objectName) {
        try {
            root.destroy();
        } catch (RuntimeException e) { // as the runtime treats a destroy hook: logged, otherwise ignored
            LOG.warn("destroy hook of {} (clustered object '{}') failed: {}", root.implementationName(), objectName,
                    e.toString());
        }
    }

    @SuppressWarnings("unchecked") // the Reps' interface is unknown to the compiler; a wrong one fails at the first call
    private <T> ClusteredObject<T> createObject(String name, Class<T> type, Root<?> root) {
        return runtime.create(name, type, (Root<? extends T>) root);
    }
}
