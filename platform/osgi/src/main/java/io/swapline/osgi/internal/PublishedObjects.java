package io.swapline.osgi.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.swapline.api.ClusteredObject;
import io.swapline.api.Root;
import io.swapline.api.SwapRecord;
import io.swapline.api.SwapRefusedException;
import io.swapline.core.ClusteredObjectRuntime;

/**
 * The clustered objects the extender made from contributed implementations, each published as
 * an OSGi service: creates an object for the first implementation of its name, and swaps it to
 * a new revision of the same bundle when that revision starts.
 *
 * <p><b>Threads.</b> Every method runs on the thread that changed a bundle's state — the thread
 * that called {@code Bundle.start} or {@code Bundle.update} (Gogo's shell thread, the launcher's
 * main thread, a test), because bundle events reach a {@code SynchronousBundleListener} on that
 * thread; for a refresh that is Felix's {@code FelixFrameworkWiring} thread; at start-up and
 * shut-down, the framework thread that starts and stops the extender. All methods are
 * {@code synchronized}: one bundle change is handled at a time, and a swap runs to its end
 * (its phases have deadlines) before the call that caused it returns, so {@code update}
 * returns only when the new revision's code serves the object.
 *
 * <p>The service of an object is registered once, from the extender's own context, and never
 * unregistered by a swap: a swap changes only its properties.
 */
final class PublishedObjects {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedObjects.class);

    private final BundleContext context;
    private final ClusteredObjectRuntime runtime;
    private final RevisionHolders holders;
    private final Map<String, Published> byName = new HashMap<>();

    /** One published object: what serves it now, the holder of that revision, its registration. */
    private static final class Published {
        final ClusteredObject<?> object;
        final ServiceRegistration<?> registration;
        ImplementationDeclaration serving;
        Bundle holder;

        Published(ClusteredObject<?> object, ServiceRegistration<?> registration, ImplementationDeclaration serving,
                Bundle holder) {
            this.object = object;
            this.registration = registration;
            this.serving = serving;
            this.holder = holder;
        }
    }

    PublishedObjects(BundleContext context, ClusteredObjectRuntime runtime, RevisionHolders holders) {
        this.context = context;
        this.runtime = runtime;
        this.holders = holders;
    }

    /**
     * A revision that declares an implementation became ACTIVE: create and publish its object,
     * or swap the object to it if it is a new revision of the bundle that serves the object
     * ({@code update}), or the same revision with a new wiring ({@code refresh}).
     *
     * @param implementation the declaration, from the bundle's current revision
     */
    synchronized void implementationStarted(ImplementationDeclaration implementation) {
        Published published = byName.get(implementation.objectName());
        if (published == null) {
            create(implementation);
        } else if (published.serving.wiring() == implementation.wiring()) { // stopped and started again
            LOG.debug("{} is already served by {}", implementation.objectName(), implementation.bundleLabel());
        } else if (published.serving.bundle().getBundleId() == implementation.bundle().getBundleId()) {
            if (published.serving.revision() == implementation.revision()) {
                LOG.warn("{} was refreshed while it served '{}': its old class loader was invalid until this swap"
                        + " (the serving object could run only classes it had already loaded)",
                        implementation.bundleLabel(), implementation.objectName());
            }
            swap(published, implementation);
        } else {
            LOG.info("{} offers an implementation of '{}', which {} serves: not swapped (changing the serving"
                    + " bundle is not supported yet)", implementation.bundleLabel(), implementation.objectName(),
                    published.serving.bundleLabel());
        }
    }

    /**
     * A bundle that serves objects left ACTIVE (stopped, or about to be updated). Its objects keep
     * serving from its revision, which the holder keeps loadable.
     *
     * @param bundle the bundle
     */
    synchronized void implementationStopped(Bundle bundle) {
        for (Published published : byName.values()) {
            if (published.serving.bundle().getBundleId() == bundle.getBundleId()) {
                LOG.info("'{}' keeps serving from {} while its bundle is not active", published.object.name(),
                        published.serving.bundleLabel());
            }
        }
    }

    /** Unregisters every service and destroys every object; for the extender's stop. */
    synchronized void closeAll() {
        for (Published published : byName.values()) {
            try {
                published.registration.unregister();
            } catch (IllegalStateException e) { // already unregistered when the extender's context closed
                LOG.debug("service of '{}' was already unregistered", published.object.name());
            }
            runtime.destroy(published.object);
            holders.release(published.holder);
        }
        byName.clear();
    }

    /** @return one line per object, sorted by name, for {@code swapline:list} */
    synchronized List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (Published published : new TreeMap<>(byName).values()) {
            ClusteredObject<?> object = published.object;
            lines.add(object.name() + " | " + object.type().getName() + " | " + published.serving.bundleLabel() + " | "
                    + object.kind() + " | " + object.slotsInUse() + " | " + object.swapCount());
        }
        return lines;
    }

    private void create(ImplementationDeclaration implementation) {
        Class<?> type;
        Root<?> root;
        try {
            type = implementation.bundle().loadClass(implementation.interfaceName());
            root = instantiate(implementation);
        } catch (ReflectiveOperationException | ClassCastException e) {
            LOG.warn("cannot create '{}' from {}: {}", implementation.objectName(), implementation.bundleLabel(),
                    e.toString());
            return;
        }
        Bundle holder;
        try {
            holder = holders.hold(implementation.revision());
        } catch (BundleException e) {
            LOG.warn("cannot create '{}' from {}: its revision cannot be held loadable: {}",
                    implementation.objectName(), implementation.bundleLabel(), e.toString());
            return;
        }
        ClusteredObject<?> object;
        ServiceRegistration<?> registration;
        try {
            object = createObject(implementation.objectName(), type, root);
        } catch (RuntimeException e) {
            holders.release(holder);
            throw e;
        }
        try {
            registration = context.registerService(implementation.interfaceName(), object.stub(),
                    ObjectServiceProperties.of(object, implementation));
        } catch (RuntimeException e) {
            runtime.destroy(object);
            holders.release(holder);
            throw e;
        }
        byName.put(object.name(), new Published(object, registration, implementation, holder));
        LOG.info("created '{}' ({}) from {}, {} root; service id {}", object.name(), type.getName(),
                implementation.bundleLabel(), object.kind(),
                registration.getReference().getProperty(Constants.SERVICE_ID));
    }

    @SuppressWarnings("unchecked") // the Reps' interface is unknown to the compiler; a wrong one fails at the first call
    private <T> ClusteredObject<T> createObject(String name, Class<T> type, Root<?> root) {
        return runtime.create(name, type, (Root<? extends T>) root);
    }

    private void swap(Published published, ImplementationDeclaration next) {
        ClusteredObject<?> object = published.object;
        ImplementationDeclaration previous = published.serving;
        Root<?> root;
        try {
            Class<?> type = next.bundle().loadClass(next.interfaceName());
            if (type != object.type()) {
                LOG.warn("swap of '{}' from {} to {} refused: the new revision sees another {} (loaded by {}),"
                        + " not the one clients use", object.name(), previous.bundleLabel(), next.bundleLabel(),
                        next.interfaceName(), type.getClassLoader());
                return;
            }
            root = instantiate(next);
        } catch (ReflectiveOperationException | ClassCastException e) {
            LOG.warn("swap of '{}' from {} to {} refused: {}", object.name(), previous.bundleLabel(),
                    next.bundleLabel(), e.toString());
            return;
        }
        Bundle nextHolder;
        try {
            nextHolder = holders.hold(next.revision());
        } catch (BundleException e) {
            LOG.warn("swap of '{}' from {} to {} refused: the new revision cannot be held loadable: {}",
                    object.name(), previous.bundleLabel(), next.bundleLabel(), e.toString());
            return;
        }
        SwapRecord record;
        try {
            record = swapObject(object, root);
        } catch (SwapRefusedException e) {
            holders.release(nextHolder);
            LOG.warn("swap of '{}' from {} to {} refused: {}", object.name(), previous.bundleLabel(),
                    next.bundleLabel(), e.record());
            return;
        } catch (RuntimeException e) { // e.g. the object was destroyed meanwhile; the caller logs it
            holders.release(nextHolder);
            throw e;
        }
        if (!record.completed()) {
            holders.release(nextHolder);
            LOG.warn("swap of '{}' from {} to {} rolled back; {} keeps serving: {}", object.name(),
                    previous.bundleLabel(), next.bundleLabel(), previous.bundleLabel(), record);
            return;
        }
        LOG.info("swapped '{}' from {} to {}: {}", object.name(), previous.bundleLabel(), next.bundleLabel(), record);
        Bundle previousHolder = published.holder;
        published.serving = next;
        published.holder = nextHolder;
        published.registration.setProperties(ObjectServiceProperties.of(object, next));
        holders.release(previousHolder); // the old revision stays removal pending until a refresh
    }

    @SuppressWarnings("unchecked") // the Reps' interface is unknown to the compiler; a wrong one fails at the first call
    private <T> SwapRecord swapObject(ClusteredObject<T> object, Root<?> root) {
        return runtime.swap(object, (Root<? extends T>) root);
    }

    private static Root<?> instantiate(ImplementationDeclaration implementation) throws ReflectiveOperationException {
        Class<?> rootClass = implementation.bundle().loadClass(implementation.className());
        if (!Root.class.isAssignableFrom(rootClass)) {
            throw new ClassCastException(rootClass.getName() + " is not a " + Root.class.getName());
        }
        return (Root<?>) rootClass.getConstructor().newInstance();
    }
}
