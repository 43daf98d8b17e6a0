package io.swapline.osgi.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
import io.swapline.api.SwapPhase;
import io.swapline.api.SwapRecord;
import io.swapline.api.SwapRefusedException;
import io.swapline.core.ClusteredObjectRuntime;

/**
 * The clustered objects the extender made from contributed implementations, each published as
 * an OSGi service, and every implementation that ACTIVE bundles offer for them.
 *
 * <p>For each object name: the first implementation creates the object (when the extender
 * starts, the most preferred of those already active: {@link OfferedImplementations#PREFERENCE});
 * a new revision of the serving bundle ({@code update}, {@code refresh}) is swapped in when it
 * starts; an implementation from another bundle is remembered and can be swapped in by
 * {@link #swapTo} ({@code swapline:swap}) if {@link ImplementationAuthorisation} allows it.
 *
 * <p><b>Threads.</b> Bundle events arrive on the thread that changed a bundle's state — the thread
 * that called {@code Bundle.start}, {@code stop} or {@code update} (Gogo's shell thread, the
 * launcher's main thread, a test), because a {@code SynchronousBundleListener} is called on that
 * thread; for a refresh that is Felix's {@code FelixFrameworkWiring} thread; at start-up and
 * shut-down, the framework thread that starts and stops the extender. Shell commands run on the
 * shell's thread. All methods are {@code synchronized}: one bundle change or command is handled
 * at a time, and a swap runs to its end (its phases have deadlines) before the call that caused
 * it returns, so {@code update} returns only when the new revision's code serves the object.
 *
 * <p>The service of an object is registered once, from the extender's own context, and never
 * unregistered by a swap: a swap changes only its properties.
 */
final class PublishedObjects {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedObjects.class);

    /** Refusals the extender decided itself (not in the runtime's history) kept per object. */
    private static final int KEPT_REFUSALS = 16;

    private final BundleContext context;
    private final ClusteredObjectRuntime runtime;
    private final RevisionHolders holders;
    private final ImplementationAuthorisation authorisation;
    private final Map<String, KnownObject> byName = new HashMap<>();
    /** True while the tracker opens: objects are created afterwards, from the most preferred offer. */
    private boolean creationDeferred;

    PublishedObjects(BundleContext context, ClusteredObjectRuntime runtime, RevisionHolders holders,
            ImplementationAuthorisation authorisation) {
        this.context = context;
        this.runtime = runtime;
        this.holders = holders;
        this.authorisation = authorisation;
    }

    /**
     * Until {@link #createDeferredObjects()}, only records what is offered: used while the
     * tracker adds the bundles that were active before the extender, so that the most preferred
     * of them, not the first in bundle order, creates each object.
     */
    synchronized void deferCreation() {
        creationDeferred = true;
    }

    /** Creates each object that has offers but no object yet, from its most preferred offer. */
    synchronized void createDeferredObjects() {
        creationDeferred = false;
        for (KnownObject known : byName.values()) {
            if (!known.isPublished()) {
                known.offered.best(offer -> true).ifPresent(first -> createAndRefuseOthers(known, first));
            }
        }
    }

    /**
     * A revision that declares an implementation became ACTIVE: create and publish its object,
     * swap the object to it if it is a new revision of the bundle that serves the object
     * ({@code update}) or the same revision with a new wiring ({@code refresh}), or remember it
     * as an alternative (or refuse it, if its bundle is not authorised for the object).
     *
     * @param implementation the declaration, from the bundle's current revision
     */
    synchronized void implementationStarted(ImplementationDeclaration implementation) {
        KnownObject known = byName.computeIfAbsent(implementation.objectName(), KnownObject::new);
        known.offered.offer(implementation);
        if (!known.isPublished()) {
            if (!creationDeferred) {
                createAndRefuseOthers(known, implementation);
            }
            return;
        }
        ImplementationDeclaration serving = known.serving;
        if (serving.wiring() == implementation.wiring()) { // stopped and started again
            LOG.debug("'{}' is already served by {}", known.name, implementation.bundleLabel());
            return;
        }
        String refusal = authorisation.refusal(implementation, serving.symbolicName());
        if (refusal != null) {
            refuse(known, implementation, refusal);
            return;
        }
        if (serving.bundleId() == implementation.bundleId()) {
            if (serving.revision() == implementation.revision()) {
                LOG.warn("{} was refreshed while it served '{}': its old class loader was invalid until this swap"
                        + " (the serving object could run only classes it had already loaded)",
                        implementation.bundleLabel(), implementation.objectName());
            }
            swapQuietly(known, implementation);
        } else {
            LOG.info("{} offers an implementation of '{}', which {} serves; 'swapline:swap {} {}' makes it serve",
                    implementation.bundleLabel(), known.name, serving.bundleLabel(), known.name,
                    implementation.bundleId());
        }
    }

    /**
     * A bundle left ACTIVE (stopped, or about to be updated): its offers are withdrawn. Objects it
     * serves keep serving from its revision, which the holder keeps loadable.
     *
     * @param bundle the bundle
     */
    synchronized void implementationStopped(Bundle bundle) {
        for (KnownObject known : byName.values()) {
            known.offered.withdraw(bundle.getBundleId());
            if (known.isPublished() && known.serving.bundleId() == bundle.getBundleId()) {
                LOG.info("'{}' keeps serving from {} while its bundle is not active", known.name,
                        known.serving.bundleLabel());
            }
        }
    }

    /**
     * Swaps an object to the implementation the operator named ({@code swapline:swap}).
     *
     * @param objectName the object
     * @param implementationSpec a bundle id, bundle symbolic name, root class name or simple name
     * @return one line: the completed swap's record, or that the implementation already serves
     * @throws IllegalArgumentException if no object has the name, or the spec names no offered
     *     implementation or several (the message lists them)
     * @throws SwapRefusedException if the implementation is not authorised or the swap is refused
     * @throws IllegalStateException if the swap rolled back (the previous implementation serves)
     */
    synchronized String swapTo(String objectName, String implementationSpec) {
        KnownObject known = published(objectName);
        List<ImplementationDeclaration> matches = known.offered.matching(implementationSpec);
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("no active implementation of '" + objectName + "' matches '"
                    + implementationSpec + "'; offered: " + describe(known.offered.all()));
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException("'" + implementationSpec + "' is ambiguous for '" + objectName
                    + "', name one by bundle id or class: " + describe(matches));
        }
        ImplementationDeclaration next = matches.get(0);
        if (known.serving.wiring() == next.wiring() && known.serving.className().equals(next.className())) {
            return "'" + objectName + "' is already served by " + next.describe();
        }
        String refusal = authorisation.refusal(next, known.serving.symbolicName());
        if (refusal != null) {
            throw refuse(known, next, refusal);
        }
        SwapRecord record = swap(known, next);
        if (!record.completed()) {
            throw new IllegalStateException("swap of '" + objectName + "' to " + next.bundleLabel() + " rolled back: "
                    + record.reason() + "; " + known.serving.bundleLabel() + " serves");
        }
        return record.toString();
    }

    /** Unregisters every service and destroys every object; for the extender's stop. */
    synchronized void closeAll() {
        for (KnownObject known : byName.values()) {
            if (!known.isPublished()) {
                continue;
            }
            try {
                known.registration.unregister();
            } catch (IllegalStateException e) { // already unregistered when the extender's context closed
                LOG.debug("service of '{}' was already unregistered", known.name);
            }
            runtime.destroy(known.object);
            holders.release(known.holder);
        }
        byName.clear();
    }

    /** @return what the shell shows of every published object, by name */
    synchronized List<ObjectView> views() {
        List<ObjectView> views = new ArrayList<>();
        for (KnownObject known : new TreeMap<>(byName).values()) {
            if (known.isPublished()) {
                views.add(view(known));
            }
        }
        return views;
    }

    /**
     * What the shell shows of one object.
     *
     * @param objectName the object
     * @return its view
     * @throws IllegalArgumentException if no object has the name
     */
    synchronized ObjectView view(String objectName) {
        return view(published(objectName));
    }

    private ObjectView view(KnownObject known) {
        List<ObjectView.Candidate> candidates = new ArrayList<>();
        boolean servingOffered = false;
        for (ImplementationDeclaration offer : known.offered.all()) {
            boolean serving = known.serving.wiring() == offer.wiring() && known.serving.className().equals(offer.className());
            servingOffered |= serving;
            candidates.add(new ObjectView.Candidate(offer, serving, true,
                    serving ? null : authorisation.refusal(offer, known.serving.symbolicName())));
        }
        if (!servingOffered) { // its bundle is stopping, stopped or being updated
            candidates.add(0, new ObjectView.Candidate(known.serving, true, false, null));
        }
        List<SwapRecord> history = new ArrayList<>(known.object.history());
        history.addAll(known.refusals);
        history.sort(Comparator.comparing(SwapRecord::startedAt));
        return new ObjectView(known.object, known.serving, candidates, history);
    }

    private KnownObject published(String objectName) {
        KnownObject known = byName.get(objectName);
        if (known == null || !known.isPublished()) {
            List<String> names = byName.values().stream().filter(KnownObject::isPublished).map(k -> k.name).sorted()
                    .toList();
            throw new IllegalArgumentException("no clustered object named '" + objectName + "'; objects: "
                    + (names.isEmpty() ? "none" : String.join(", ", names)));
        }
        return known;
    }

    private void createAndRefuseOthers(KnownObject known, ImplementationDeclaration first) {
        if (!create(known, first)) {
            return;
        }
        for (ImplementationDeclaration other : known.offered.all()) {
            String refusal = other == first ? null : authorisation.refusal(other, first.symbolicName());
            if (refusal != null) {
                refuse(known, other, refusal);
            }
        }
    }

    /** @return whether the object was created and published */
    private boolean create(KnownObject known, ImplementationDeclaration implementation) {
        Class<?> type;
        Root<?> root;
        try {
            type = implementation.bundle().loadClass(implementation.interfaceName());
            root = instantiate(implementation);
        } catch (ReflectiveOperationException | ClassCastException e) {
            LOG.warn("cannot create '{}' from {}: {}", implementation.objectName(), implementation.bundleLabel(),
                    e.toString());
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
                    ObjectServiceProperties.of(object, implementation));
        } catch (RuntimeException e) {
            runtime.destroy(object);
            holders.release(holder);
            throw e;
        }
        known.object = object;
        known.serving = implementation;
        known.holder = holder;
        LOG.info("created '{}' ({}) from {}, {} root; service id {}", object.name(), type.getName(),
                implementation.bundleLabel(), object.kind(),
                known.registration.getReference().getProperty(Constants.SERVICE_ID));
        return true;
    }

    @SuppressWarnings("unchecked") // the Reps' interface is unknown to the compiler; a wrong one fails at the first call
    private <T> ClusteredObject<T> createObject(String name, Class<T> type, Root<?> root) {
        return runtime.create(name, type, (Root<? extends T>) root);
    }

    /** A swap caused by a bundle event: its outcome is logged, nothing is thrown for a refusal. */
    private void swapQuietly(KnownObject known, ImplementationDeclaration next) {
        try {
            swap(known, next);
        } catch (SwapRefusedException e) { // logged at WARN by swap(); the current implementation serves
            LOG.debug("'{}' not swapped to {}", known.name, next.bundleLabel());
        }
    }

    /**
     * Swaps an object to {@code next} (authorisation already checked): holds the new revision,
     * swaps, releases the old holder. Logs the record: INFO when complete, WARN otherwise.
     *
     * @return the record, completed or rolled back
     * @throws SwapRefusedException if the extender or the runtime refused the swap; nothing changed
     */
    private SwapRecord swap(KnownObject known, ImplementationDeclaration next) {
        ClusteredObject<?> object = known.object;
        ImplementationDeclaration previous = known.serving;
        Root<?> root;
        try {
            Class<?> type = next.bundle().loadClass(next.interfaceName());
            if (type != object.type()) {
                throw refuse(known, next, "it sees another " + next.interfaceName() + " (loaded by "
                        + type.getClassLoader() + "), not the one clients use");
            }
            root = instantiate(next);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw refuse(known, next, e.toString());
        }
        Bundle nextHolder;
        try {
            nextHolder = holders.hold(next.revision());
        } catch (BundleException e) {
            throw refuse(known, next, "the new revision cannot be held loadable: " + e);
        }
        SwapRecord record;
        try {
            record = swapObject(object, root);
        } catch (SwapRefusedException e) {
            holders.release(nextHolder);
            LOG.warn("swap of '{}' from {} to {} refused: {}", object.name(), previous.bundleLabel(),
                    next.bundleLabel(), e.record());
            throw e;
        } catch (RuntimeException e) { // e.g. the object was destroyed meanwhile; the caller logs it
            holders.release(nextHolder);
            throw e;
        }
        if (!record.completed()) {
            holders.release(nextHolder);
            LOG.warn("swap of '{}' from {} to {} rolled back; {} keeps serving: {}", object.name(),
                    previous.bundleLabel(), next.bundleLabel(), previous.bundleLabel(), record);
            return record;
        }
        LOG.info("swapped '{}' from {} to {}: {}", object.name(), previous.bundleLabel(), next.bundleLabel(), record);
        Bundle previousHolder = known.holder;
        known.serving = next;
        known.holder = nextHolder;
        known.registration.setProperties(ObjectServiceProperties.of(object, next));
        holders.release(previousHolder); // the old revision stays removal pending until a refresh
        return record;
    }

    /**
     * Records and logs (WARN) a refusal the extender decided, e.g. an unauthorised bundle.
     *
     * @return the exception to throw where the refusal must reach a caller
     */
    private SwapRefusedException refuse(KnownObject known, ImplementationDeclaration next, String reason) {
        String from = known.isPublished() ? known.serving.className() + " (" + known.serving.bundleLabel() + ")" : "none";
        SwapRecord record = new SwapRecord(known.name, from, next.className() + " (" + next.bundleLabel() + ")",
                "none", SwapPhase.REFUSED, reason, Instant.now(), Map.of(), 0, 0, Duration.ZERO);
        known.refusals.add(record);
        if (known.refusals.size() > KEPT_REFUSALS) {
            known.refusals.remove(0);
        }
        LOG.warn("{} refused as implementation of '{}': {}", next.bundleLabel(), known.name, reason);
        return new SwapRefusedException(record);
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

    private static String describe(List<ImplementationDeclaration> implementations) {
        if (implementations.isEmpty()) {
            return "none";
        }
        return String.join("; ", implementations.stream().map(ImplementationDeclaration::describe).toList());
    }

    /** Everything the extender knows of one object name; guarded by the PublishedObjects monitor. */
    private static final class KnownObject {
        final String name;
        final OfferedImplementations offered = new OfferedImplementations();
        /** Extender refusals, oldest first, at most {@link #KEPT_REFUSALS}. */
        final List<SwapRecord> refusals = new ArrayList<>();
        /** The object, its registration, what serves it and the holder of that revision; null until created. */
        ClusteredObject<?> object;
        ServiceRegistration<?> registration;
        ImplementationDeclaration serving;
        Bundle holder;

        KnownObject(String name) {
            this.name = name;
        }

        boolean isPublished() {
            return object != null;
        }
    }
}
