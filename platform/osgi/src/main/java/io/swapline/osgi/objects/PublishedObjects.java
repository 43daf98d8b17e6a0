package io.swapline.osgi.objects;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleRevision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.swapline.api.SwapRecord;
import io.swapline.api.SwapRefusedException;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.core.autonomic.PolicyDecision;
import io.swapline.osgi.holders.PreparedHolder;
import io.swapline.osgi.holders.RevisionHolders;
import io.swapline.osgi.implementations.Echo;
import io.swapline.osgi.implementations.ImplementationAuthorisation;
import io.swapline.osgi.implementations.ImplementationDeclaration;
import io.swapline.osgi.implementations.OfferedImplementations;
import io.swapline.osgi.policy.ConfiguredPolicies;

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
 * <p><b>Stop without replacement.</b> When the serving bundle stops or is uninstalled (not
 * updated: see {@code BundleUpdates}), the object is swapped to another allowed implementation or
 * made to wait for one ({@link StopWithoutReplacement}).
 *
 * <p>This class decides what each bundle event or command does to which object, and delegates the
 * work: {@link ObjectPublisher} creates, publishes and finally destroys an object,
 * {@link ImplementationSwapper} swaps it from one implementation to another,
 * {@link StopWithoutReplacement} replaces a stopped implementation or makes the object wait and
 * hands it over; {@link KnownObject} holds what is known of each object name.
 *
 * <p><b>Threads.</b> Bundle events arrive on the thread that changed a bundle's state — the thread
 * that called {@code Bundle.start}, {@code stop} or {@code update} (Gogo's shell thread, the
 * launcher's main thread, a test), because a {@code SynchronousBundleListener} is called on that
 * thread; for a refresh that is Felix's {@code FelixFrameworkWiring} thread; at start-up and
 * shut-down, the framework thread that starts and stops the extender. Shell commands run on the
 * shell's thread, autonomic swaps on the policy thread. Every method works under this object's
 * monitor: one bundle change or command is handled at a time, and a swap runs to its end (its
 * phases have deadlines) before the call that caused it returns, so {@code update} returns only
 * when the new revision's code serves the object.
 *
 * <p><b>Locking.</b> This object's monitor guards {@code byName}, {@code closed},
 * {@code creationDeferred} and every {@link KnownObject} (with its offers and refusals).
 * {@link ObjectPublisher}, {@link ImplementationSwapper} and {@link StopWithoutReplacement} keep no
 * state of their own and are called only from here, holding it. Holding it, they and this class
 * call {@link ConfiguredPolicies} (its own monitor) and the core runtime (its own locks; a swap
 * runs to its end): lock order PublishedObjects → ConfiguredPolicies → core, never the other way
 * round. The policy thread enters through {@link #swapAutonomically}, which takes this monitor
 * first.
 *
 * <p><b>Felix's locks.</b> Felix holds its global lock while it refreshes bundles (the shell's
 * {@code refresh}, the automatic refresh after an update of a bundle nobody is wired to), and
 * the bundle events it fires meanwhile wait for this monitor; installing, resolving or
 * uninstalling a bundle waits while another thread holds the global lock. So a thread holding
 * this monitor must not install or uninstall a holder while a refresh may run on another thread,
 * or the two wait for each other for ever. {@link #swapTo} and {@link #swapAutonomically}
 * therefore install the new revision's holder before taking the monitor, check their request
 * again under it, and uninstall holders after releasing it ({@link PreparedHolder}). A swap caused
 * by a bundle event still does these at once, under the monitor ({@link RevisionHolders}): safe
 * when the event comes from the refresh itself (its thread holds the global lock), open when it
 * comes from another thread's update, start or stop during a refresh (the same preparation would
 * be needed on the event paths).
 *
 * <p>The service of an object is registered once, from the extender's own context, and never
 * unregistered by a swap: a swap changes only its properties.
 *
 * <p><b>Autonomic policies.</b> Each object's candidates (its offered implementations that declare
 * {@code suits}) go to {@link ConfiguredPolicies} whenever they or the serving implementation
 * change; the swaps a policy decides come back through {@link #swapAutonomically}, on the
 * policy's thread, and take the same path as every other swap.
 */
public final class PublishedObjects {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedObjects.class);

    private final BundleContext context;
    private final ImplementationAuthorisation authorisation;
    private final ConfiguredPolicies policies;
    private final ObjectPublisher publisher;
    private final ImplementationSwapper swapper;
    private final StopWithoutReplacement stops;
    private final RevisionHolders holders;
    private final Map<String, KnownObject> byName = new HashMap<>();
    /** Set by {@link #closeAll()}: later bundle events change nothing. */
    private boolean closed;
    /** True while the tracker opens: objects are created afterwards, from the most preferred offer. */
    private boolean creationDeferred;

    public PublishedObjects(BundleContext context, ClusteredObjectRuntime runtime, RevisionHolders holders,
            ImplementationAuthorisation authorisation, Duration replacementTimeout) {
        this.context = context;
        this.authorisation = authorisation;
        this.policies = new ConfiguredPolicies(context, runtime, this::swapAutonomically);
        this.publisher = new ObjectPublisher(context, runtime, holders, policies, authorisation);
        this.swapper = new ImplementationSwapper(runtime, holders, policies, authorisation);
        this.stops = new StopWithoutReplacement(runtime, holders, policies, authorisation, swapper, replacementTimeout);
        this.holders = holders;
    }

    /** @return the objects' autonomic policies, for the shell */
    public ConfiguredPolicies policies() {
        return policies;
    }

    /**
     * Until {@link #createDeferredObjects()}, only records what is offered: used while the
     * tracker adds the bundles that were active before the extender, so that the most preferred
     * of them, not the first in bundle order, creates each object.
     */
    public synchronized void deferCreation() {
        creationDeferred = true;
    }

    /** Creates each object that has offers but no object yet, from its most preferred offer. */
    public synchronized void createDeferredObjects() {
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
    public synchronized void implementationStarted(ImplementationDeclaration implementation) {
        if (closed) {
            return;
        }
        KnownObject known = byName.computeIfAbsent(implementation.objectName(), KnownObject::new);
        known.offered.offer(implementation);
        serveOrKeep(known, implementation);
        refreshPolicy(known);
    }

    /** The body of {@link #implementationStarted}: create, swap, hand over, keep as an alternative or refuse. */
    private void serveOrKeep(KnownObject known, ImplementationDeclaration implementation) {
        if (!known.isPublished()) {
            if (!creationDeferred) {
                createAndRefuseOthers(known, implementation);
            }
            return;
        }
        ImplementationDeclaration serving = known.serving;
        if (known.waiting != null) { // serving is the implementation whose bundle stopped
            String refusal = authorisation.refusal(implementation, serving.symbolicName());
            if (refusal != null) {
                known.refuse(implementation, refusal);
            } else {
                stops.handOverQuietly(known, implementation);
            }
            return;
        }
        if (serving.wiring() == implementation.wiring()) { // stopped and started again
            LOG.debug("'{}' is already served by {}", known.name, implementation.bundleLabel());
            return;
        }
        String refusal = authorisation.refusal(implementation, serving.symbolicName());
        if (refusal != null) {
            known.refuse(implementation, refusal);
            return;
        }
        if (serving.bundleId() == implementation.bundleId()) {
            if (serving.revision() == implementation.revision()) {
                LOG.warn("{} was refreshed while it served '{}': its old class loader was invalid until this swap"
                        + " (the serving object could run only classes it had already loaded)",
                        implementation.bundleLabel(), implementation.objectName());
            }
            swapper.swapQuietly(known, implementation);
        } else {
            LOG.info("{} offers an implementation of '{}', which {} serves; 'swapline:swap {} {}' makes it serve",
                    implementation.bundleLabel(), known.name, serving.bundleLabel(), known.name,
                    implementation.bundleId());
        }
    }

    /**
     * A bundle is leaving ACTIVE (its STOPPING event, on the thread that stops, uninstalls, updates
     * or refreshes it; its classes still load): its offers are withdrawn. An object it serves is
     * kept serving from its revision (held loadable) if it is being updated — the new revision
     * takes over when it starts, in one swap — or when the framework stops; otherwise it is
     * swapped to another allowed implementation or to a waiting root.
     *
     * @param bundle the bundle
     * @param updating whether the bundle is being updated (its new revision starts on this thread)
     */
    public synchronized void implementationStopped(Bundle bundle, boolean updating) {
        if (closed) {
            return;
        }
        for (KnownObject known : byName.values()) {
            known.offered.withdraw(bundle.getBundleId());
            if (!known.isPublished() || known.waiting != null || known.serving.bundleId() != bundle.getBundleId()) {
                continue;
            }
            if (updating || isFrameworkStopping()) {
                LOG.info("'{}' keeps serving from {} while its bundle is {}", known.name, known.serving.bundleLabel(),
                        updating ? "updated" : "stopped with the framework");
            } else {
                stops.replaceStopped(known);
            }
        }
        byName.values().forEach(this::refreshPolicy); // the bundle's offers are gone
    }

    /**
     * A bundle's revision became ACTIVE after its declarations were handled: an object its
     * previous revision served that the new one does not declare at all is replaced as if it had
     * stopped. (One it declares but whose swap was refused keeps serving from the old revision.)
     *
     * @param bundle the bundle
     * @param declarations what its current revision declares
     */
    public synchronized void revisionStarted(Bundle bundle, List<ImplementationDeclaration> declarations) {
        if (closed) {
            return;
        }
        BundleRevision current = bundle.adapt(BundleRevision.class);
        for (KnownObject known : byName.values()) {
            if (known.isPublished() && known.waiting == null && known.serving.bundleId() == bundle.getBundleId()
                    && known.serving.revision() != current
                    && declarations.stream().noneMatch(declared -> declared.objectName().equals(known.name))) {
                LOG.warn("the new revision of {} does not offer '{}' any more", known.serving.bundleLabel(), known.name);
                stops.replaceStopped(known);
                refreshPolicy(known);
            }
        }
    }

    /**
     * Swaps an object to the implementation the operator named ({@code swapline:swap}), on the
     * shell's thread: the new revision's holder is installed before this monitor is taken and
     * holders are uninstalled after it is released ({@link PreparedHolder}); under the monitor the
     * request is checked again, since a bundle may have changed in between.
     *
     * @param objectName the object
     * @param implementationSpec a bundle id, bundle symbolic name, root class name or simple name
     * @return one line: the completed swap's record, or that the implementation already serves
     * @throws IllegalArgumentException if no object has the name, or the spec names no offered
     *     implementation or several (the message lists them)
     * @throws SwapRefusedException if the implementation is not authorised or the swap is refused
     * @throws IllegalStateException if the swap rolled back (the previous implementation serves), or
     *     the object or its implementations changed while the new revision was being held
     */
    public String swapTo(String objectName, String implementationSpec) {
        ImplementationDeclaration next;
        synchronized (this) {
            next = operatorTarget(objectName, implementationSpec);
            if (published(objectName).isServedBy(next)) {
                return "'" + objectName + "' is already served by " + next.describe();
            }
        }
        try (PreparedHolder holding = prepareHolder(objectName, next)) {
            synchronized (this) {
                KnownObject known = published(objectName);
                ensureUnchanged(objectName, next, operatorTarget(objectName, implementationSpec));
                if (known.isServedBy(next)) { // swapped meanwhile by someone else
                    return "'" + objectName + "' is already served by " + next.describe();
                }
                SwapRecord record = known.waiting != null ? stops.handOver(known, next, holding)
                        : swapper.swap(known, next, holding);
                if (!record.completed()) {
                    throw new IllegalStateException("swap of '" + objectName + "' to " + next.bundleLabel()
                            + " rolled back: " + record.reason() + "; " + known.serving.bundleLabel() + " serves");
                }
                return record.toString();
            }
        }
    }

    /** The offered, authorised implementation an operator's spec names; holding this monitor. */
    private ImplementationDeclaration operatorTarget(String objectName, String implementationSpec) {
        KnownObject known = published(objectName);
        List<ImplementationDeclaration> matches = known.offered.matching(implementationSpec);
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("no active implementation of '" + objectName + "' matches '"
                    + Echo.input(implementationSpec) + "'; offered: " + describe(known.offered.all()));
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException("'" + Echo.input(implementationSpec) + "' is ambiguous for '"
                    + objectName + "', name one by bundle id or class: " + describe(matches));
        }
        ImplementationDeclaration next = matches.get(0);
        String refusal = authorisation.refusal(next, known.serving.symbolicName());
        if (refusal != null && !known.isServedBy(next)) {
            throw known.refuse(next, refusal);
        }
        return next;
    }

    /**
     * Swaps an object to the candidate an autonomic policy decided, on the policy's thread: the
     * decision is checked under this monitor (the object may have changed since the sample), the
     * new revision's holder installed without it ({@link PreparedHolder}), the decision checked
     * again under it, then the same path as every swap ({@link ImplementationSwapper#swap}). Logs
     * the decision's reason (INFO) before the swap's record.
     *
     * @param objectName the object
     * @param className the candidate's root class
     * @param decision the policy's decision
     * @return the record, completed or rolled back
     * @throws IllegalStateException if the decision no longer applies: the object is gone or waits,
     *     another implementation serves now, or no ACTIVE bundle offers the candidate any more
     * @throws SwapRefusedException if the candidate is not authorised or the swap is refused
     */
    SwapRecord swapAutonomically(String objectName, String className, PolicyDecision decision) {
        ImplementationDeclaration next;
        synchronized (this) {
            next = autonomicTarget(objectName, className, decision);
        }
        try (PreparedHolder holding = prepareHolder(objectName, next)) {
            synchronized (this) {
                ensureUnchanged(objectName, next, autonomicTarget(objectName, className, decision));
                KnownObject known = byName.get(objectName);
                LOG.info("autonomic swap of '{}' from {} to {}: {}", objectName, known.serving.bundleLabel(),
                        next.bundleLabel(), decision.reason());
                return swapper.swap(known, next, holding);
            }
        }
    }

    /** The implementation a policy's decision names, if the decision still applies; holding this monitor. */
    private ImplementationDeclaration autonomicTarget(String objectName, String className, PolicyDecision decision) {
        KnownObject known = byName.get(objectName);
        if (closed || known == null || !known.isPublished()) {
            throw new IllegalStateException("'" + objectName + "' is not published any more");
        }
        if (known.waiting != null) {
            throw new IllegalStateException("'" + objectName + "' waits for a replacement of "
                    + known.serving.bundleLabel());
        }
        if (!known.root.implementationName().equals(decision.serving())) {
            throw new IllegalStateException("'" + objectName + "' is served by " + known.root.implementationName()
                    + " now, not by " + decision.serving() + " as when the policy sampled it");
        }
        ImplementationDeclaration next = known.offered
                .best(offer -> offer.className().equals(className) && offer.suits() != null)
                .orElseThrow(() -> new IllegalStateException("no active bundle offers " + className + " for '"
                        + objectName + "' any more"));
        String refusal = authorisation.refusal(next, known.serving.symbolicName());
        if (refusal != null) {
            throw known.refuse(next, refusal);
        }
        return next;
    }

    /**
     * Installs the holder of {@code next}'s revision; called without this monitor. A revision that
     * cannot be held refuses the swap as it would under the monitor (recorded, logged).
     */
    private PreparedHolder prepareHolder(String objectName, ImplementationDeclaration next) {
        try {
            return PreparedHolder.of(holders, next.revision());
        } catch (BundleException | IllegalStateException e) { // IllegalStateException: the bundle was uninstalled
            synchronized (this) {
                throw swapper.refuseUnheld(published(objectName), next, e);
            }
        }
    }

    /** Throws if the swap to run is not the one a holder was prepared for: a bundle changed meanwhile. */
    private static void ensureUnchanged(String objectName, ImplementationDeclaration prepared,
            ImplementationDeclaration now) {
        if (now != prepared) {
            throw new IllegalStateException("the implementations of '" + objectName + "' changed while "
                    + prepared.bundleLabel() + " was being held loadable; nothing was swapped");
        }
    }

    /** Unregisters every service and destroys every object; for the extender's stop. */
    public synchronized void closeAll() {
        closed = true;
        policies.close(); // no autonomic swap from here on (one in progress finds the extender closed)
        for (KnownObject known : byName.values()) {
            if (!known.isPublished()) {
                continue;
            }
            publisher.unpublish(known);
        }
        byName.clear();
    }

    /** @return what the shell shows of every published object, by name */
    public synchronized List<ObjectView> views() {
        List<ObjectView> views = new ArrayList<>();
        for (KnownObject known : new TreeMap<>(byName).values()) {
            if (known.isPublished()) {
                views.add(known.view(authorisation));
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
    public synchronized ObjectView view(String objectName) {
        return published(objectName).view(authorisation);
    }

    private KnownObject published(String objectName) {
        KnownObject known = byName.get(objectName);
        if (known == null || !known.isPublished()) {
            List<String> names = byName.values().stream().filter(KnownObject::isPublished).map(k -> k.name).sorted()
                    .toList();
            throw new IllegalArgumentException("no clustered object named '" + Echo.input(objectName) + "'; objects: "
                    + (names.isEmpty() ? "none" : String.join(", ", names)));
        }
        return known;
    }

    private void createAndRefuseOthers(KnownObject known, ImplementationDeclaration first) {
        if (!publisher.create(known, first)) {
            return;
        }
        for (ImplementationDeclaration other : known.offered.all()) {
            String refusal = other == first ? null : authorisation.refusal(other, first.symbolicName());
            if (refusal != null) {
                known.refuse(other, refusal);
            }
        }
    }

    /** Gives the object's policy, if it has one, its current candidates. */
    private void refreshPolicy(KnownObject known) {
        if (known.isPublished()) {
            policies.candidatesChanged(known.object, known.policyCandidates(authorisation));
        }
    }

    private boolean isFrameworkStopping() {
        return context.getBundle(Constants.SYSTEM_BUNDLE_ID).getState() == Bundle.STOPPING;
    }

    private static String describe(List<ImplementationDeclaration> implementations) {
        if (implementations.isEmpty()) {
            return "none";
        }
        return String.join("; ", implementations.stream().map(ImplementationDeclaration::describe).toList());
    }
}
