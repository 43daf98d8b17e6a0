package io.swapline.osgi.objects;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

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
import io.swapline.osgi.implementations.BundleUpdates;
import io.swapline.osgi.implementations.Echo;
import io.swapline.osgi.implementations.ImplementationAuthorisation;
import io.swapline.osgi.implementations.ImplementationDeclaration;
import io.swapline.osgi.policy.ConfiguredPolicies;

/**
 * The clustered objects the extender made from contributed implementations, each published as
 * an OSGi service, and every implementation that ACTIVE bundles offer for them: the one entry
 * point of every input that changes an object — bundle events, {@code swapline:swap}, autonomic
 * swaps, the extender's start and stop.
 *
 * <p><b>Decide under the lock, act outside it, check again.</b> Each input is decided by
 * {@link LifecycleDecisions} under this object's monitor, giving a {@link Step}; each object's
 * state has one owner, its {@link KnownObject}. A step that makes a revision serve (create, swap,
 * hand over) needs that revision's holder installed, which is a framework operation, so the
 * monitor is released, the holder installed ({@link PreparedHolder}), the monitor taken again and
 * the decision made again: the step runs only if it is unchanged, else the new decision is
 * carried out the same way. Holders a step lets go are uninstalled after the monitor is
 * released. No path holds this monitor while it installs, resolves or uninstalls a bundle. Why:
 * Felix holds its global lock for a whole refresh (the shell's {@code refresh}, the automatic one
 * after an update) and delivers the refresh's bundle events, which need this monitor, while it
 * holds it; installing, resolving and uninstalling need the global lock. When Felix refuses an
 * operation outright (a thread that holds a bundle lock asks for the global lock while a refresh
 * needs that bundle), the object is reconciled on the {@link LifecycleWorker}'s thread, which
 * Felix makes wait instead; a stopping implementation whose alternative could not be held meanwhile
 * waits with its state, and the worker hands it over.
 *
 * <p><b>Threads.</b> Bundle events arrive on the thread that changed a bundle's state — the thread
 * that called {@code Bundle.start}, {@code stop} or {@code update} (a {@code SynchronousBundleListener}
 * is called on that thread); for a refresh that is Felix's {@code FelixFrameworkWiring} thread.
 * Shell commands run on the shell's thread, autonomic swaps on the policy thread, reconciliations
 * on {@code swapline-lifecycle}. A swap runs to its end (its phases have deadlines) under the
 * monitor, before the call that caused it returns, so {@code update} returns when the new
 * revision's code serves the object (unless Felix refused an operation meanwhile: then soon after,
 * from the worker).
 *
 * <p><b>Locking.</b> This object's monitor guards {@code byName}, {@code closed},
 * {@code creationDeferred} and every {@link KnownObject}. {@link ObjectPublisher},
 * {@link ImplementationSwapper} and {@link StopWithoutReplacement} keep no state of their own and
 * are called only from here, holding it. Holding it, they call {@link ConfiguredPolicies} (its own
 * monitor) and the core runtime (its own locks): lock order PublishedObjects → ConfiguredPolicies →
 * core, never the other way round.
 *
 * <p>The service of an object is registered once, from the extender's own context, and never
 * unregistered by a swap: a swap changes only its properties. Only a change of the interface class
 * (an API bundle refresh) publishes it anew.
 */
public final class PublishedObjects {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedObjects.class);

    /** How often one input is decided again because the object changed while a holder was installed. */
    private static final int ATTEMPTS = 5;

    private final BundleContext context;
    private final ImplementationAuthorisation authorisation;
    private final ConfiguredPolicies policies;
    private final ObjectPublisher publisher;
    private final ImplementationSwapper swapper;
    private final StopWithoutReplacement stops;
    private final RevisionHolders holders;
    private final LifecycleDecisions decisions;
    private final LifecycleWorker worker;
    private final Map<String, KnownObject> byName = new HashMap<>();
    /** Set by {@link #closeAll()}: later inputs change nothing. */
    private boolean closed;
    /** True while the tracker opens: objects are created afterwards, from the most preferred offer. */
    private boolean creationDeferred;

    /**
     * @param settings the settings' source (framework property name to value, Config Admin's over the framework's)
     * @param replacementTimeout read each time an object starts to wait
     */
    public PublishedObjects(BundleContext context, ClusteredObjectRuntime runtime, RevisionHolders holders,
            ImplementationAuthorisation authorisation, UnaryOperator<String> settings,
            Supplier<Duration> replacementTimeout) {
        this.context = context;
        this.authorisation = authorisation;
        this.policies = new ConfiguredPolicies(settings, runtime, this::swapAutonomically);
        this.publisher = new ObjectPublisher(context, runtime, policies, authorisation);
        this.swapper = new ImplementationSwapper(runtime, policies, authorisation);
        this.stops = new StopWithoutReplacement(runtime, policies, authorisation, swapper, publisher,
                replacementTimeout);
        this.holders = holders;
        this.decisions = new LifecycleDecisions(authorisation);
        this.worker = new LifecycleWorker(this::reconcile);
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
    public void createDeferredObjects() {
        List<String> names;
        synchronized (this) {
            creationDeferred = false;
            names = List.copyOf(byName.keySet());
        }
        names.forEach(this::reconcile);
    }

    /**
     * A revision that declares an implementation became ACTIVE: create and publish its object,
     * swap the object to it if it is a new revision of the bundle that serves the object
     * ({@code update}) or the same revision with a new wiring ({@code refresh}), hand the kept state
     * over to it if the object waits, or remember it as an alternative (or refuse it, if its bundle
     * is not authorised for the object).
     *
     * @param implementation the declaration, from the bundle's current revision
     */
    public void implementationStarted(ImplementationDeclaration implementation) {
        synchronized (this) {
            if (closed) {
                return;
            }
            byName.computeIfAbsent(implementation.objectName(), KnownObject::new).offer(implementation);
        }
        settle(implementation.objectName(), known -> decisions.started(known, implementation, creationDeferred), false);
    }

    /**
     * A bundle is leaving ACTIVE (its STOPPING event, on the thread that stops, uninstalls, updates
     * or refreshes it; its classes still load): its offers are withdrawn. An object it serves keeps
     * serving from its revision (held loadable) if it is being updated — the new revision takes
     * over when it starts, in one swap — or when the framework stops; otherwise it is swapped to
     * another allowed implementation or to a waiting root.
     *
     * @param bundle the bundle
     * @param updating whether the bundle is being updated (its new revision starts on this thread)
     */
    public void implementationStopped(Bundle bundle, boolean updating) {
        boolean frameworkStopping = context.getBundle(Constants.SYSTEM_BUNDLE_ID).getState() == Bundle.STOPPING;
        List<String> names;
        synchronized (this) {
            if (closed) {
                return;
            }
            for (KnownObject known : byName.values()) {
                known.withdraw(bundle.getBundleId());
                refreshPolicy(known); // the bundle's offers are gone
            }
            names = List.copyOf(byName.keySet());
        }
        for (String name : names) {
            settle(name, known -> decisions.stopped(known, bundle.getBundleId(), updating, frameworkStopping), false);
        }
        if (updating) { // if the update fails, no new revision starts to take over: look again once it has ended
            Thread updater = Thread.currentThread();
            List<String> kept;
            synchronized (this) {
                kept = names.stream().filter(name -> byName.containsKey(name) && byName.get(name).isUpdatedBy(updater))
                        .toList();
            }
            kept.forEach(name -> worker.reconcileAfter(name, () -> !BundleUpdates.isUpdateInProgress(updater, bundle)));
        }
    }

    /**
     * A bundle's revision became ACTIVE after its declarations were handled: an object its
     * previous revision served that the new one does not declare at all is replaced as if it had
     * stopped. (One it declares but whose swap was refused keeps serving from the old revision.)
     *
     * @param bundle the bundle
     * @param declarations what its current revision declares
     */
    public void revisionStarted(Bundle bundle, List<ImplementationDeclaration> declarations) {
        BundleRevision current = bundle.adapt(BundleRevision.class);
        List<String> names;
        synchronized (this) {
            if (closed) {
                return;
            }
            names = List.copyOf(byName.keySet());
        }
        for (String name : names) {
            settle(name, known -> decisions.revisionStarted(known, bundle.getBundleId(), current, declarations), false);
        }
    }

    /** Settles an object on the lifecycle thread (after Felix refused a step, or at start). */
    private void reconcile(String name) {
        settle(name, known -> decisions.reconcile(known, creationDeferred), true);
    }

    /**
     * Decides what {@code decide} says for the object and does it: under the monitor if the step
     * needs no holder; else the holder is installed without the monitor and the decision checked
     * again under it (see the class comment). Holders the step lets go are uninstalled after.
     *
     * @param onWorker whether this runs on the lifecycle thread (where a refused holder is final)
     */
    private void settle(String name, Function<KnownObject, Step> decide, boolean onWorker) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Step planned;
            synchronized (this) {
                KnownObject known = byName.get(name);
                if (closed || known == null) {
                    return;
                }
                planned = decide.apply(known);
            }
            if (planned instanceof Step.None) {
                return;
            }
            PreparedHolder prepared = prepare(name, planned, onWorker);
            if (prepared == null) {
                return; // handled: refused, or left to the worker
            }
            boolean decideAgain;
            try (prepared) {
                synchronized (this) {
                    KnownObject known = byName.get(name);
                    if (closed || known == null) {
                        return;
                    }
                    Step now = decide.apply(known);
                    decideAgain = !planned.equals(now) // changed while the holder was installed
                            || run(known, planned, prepared); // or one step leads to another
                    refreshPolicy(known);
                }
            }
            if (!decideAgain) {
                return;
            }
        }
        LOG.debug("'{}' changed while its steps were prepared {} times; the lifecycle thread settles it", name,
                ATTEMPTS);
        worker.reconcileLater(name);
    }

    /**
     * Installs the holder a step needs; called without the monitor.
     *
     * @return the prepared holder, or null if it could not be had: then a stop falls back to
     *     waiting, and the object is reconciled on the worker (or, on the worker itself, the offer
     *     refused)
     */
    private PreparedHolder prepare(String name, Step planned, boolean onWorker) {
        if (planned.revision() == null) {
            return PreparedHolder.none(holders, !onWorker);
        }
        try {
            return PreparedHolder.of(holders, planned.revision(), !onWorker);
        } catch (BundleException | RuntimeException e) { // IllegalStateException: Felix's global lock refused, or uninstalled
            PreparedHolder none = PreparedHolder.none(holders, !onWorker);
            try (none) {
                synchronized (this) {
                    KnownObject known = byName.get(name);
                    if (closed || known == null) {
                        return null;
                    }
                    if (planned instanceof Step.ReplaceStopped && known.state() == ObjectState.SERVING) {
                        LOG.info("'{}': the alternative's revision cannot be held now ({}); the object waits and is"
                                + " handed over shortly", name, e.toString());
                        stops.waitForReplacement(known);
                        refreshPolicy(known);
                    } else if (onWorker) {
                        ImplementationSwapper.refuseUnheld(known, offerOf(planned), e);
                        return null;
                    } else {
                        LOG.info("'{}': {} is deferred, its revision cannot be held now: {}", name, planned, e.toString());
                    }
                }
            }
            worker.reconcileLater(name);
            return null;
        }
    }

    /**
     * Runs a step holding the monitor.
     *
     * @return whether the object should be decided again at once (a step that leads to another)
     */
    private boolean run(KnownObject known, Step step, PreparedHolder prepared) {
        if (step instanceof Step.Create create) {
            createAndRefuseOthers(known, create.first(), prepared);
        } else if (step instanceof Step.Swap swap) {
            if (swap.next().revision() == known.serving().revision()) {
                LOG.warn("{} was refreshed while it served '{}': its old class loader was invalid until this swap"
                        + " (the serving object could run only classes it had already loaded)",
                        swap.next().bundleLabel(), known.name);
            }
            swapQuietly(known, swap.next(), prepared);
        } else if (step instanceof Step.ReplaceStopped replace) {
            SwapRecord record = swapQuietly(known, replace.alternative(), prepared);
            if (record == null || !record.completed()) {
                stops.waitForReplacement(known);
            }
        } else if (step instanceof Step.Wait) {
            stops.waitForReplacement(known);
        } else if (step instanceof Step.HandOver handOver) {
            try {
                stops.handOver(known, handOver.successor(), prepared);
            } catch (SwapRefusedException e) { // logged at WARN by KnownObject.refuse(); the object keeps waiting
                LOG.debug("'{}' keeps waiting: {} refused", known.name, handOver.successor().bundleLabel());
            }
        } else if (step instanceof Step.CompleteTakeover) {
            return stops.completeTakeover(known).completed();
        } else if (step instanceof Step.Refuse refuse) {
            known.refuse(refuse.offer(), refuse.reason());
        } else if (step instanceof Step.KeepForUpdate keep) {
            known.updateBegun();
            LOG.info(keep.why());
        } else if (step instanceof Step.Keep keep) {
            if (keep.info()) {
                LOG.info(keep.why());
            } else {
                LOG.debug(keep.why());
            }
        }
        return false;
    }

    /** A swap caused by a bundle event: its outcome is logged, nothing is thrown for a refusal; null if refused. */
    private SwapRecord swapQuietly(KnownObject known, ImplementationDeclaration next, PreparedHolder prepared) {
        try {
            return swapper.swap(known, next, prepared);
        } catch (SwapRefusedException e) { // logged at WARN by swap(); the current implementation serves
            LOG.debug("'{}' not swapped to {}", known.name, next.bundleLabel());
            return null;
        }
    }

    private static ImplementationDeclaration offerOf(Step step) {
        if (step instanceof Step.Create create) {
            return create.first();
        } else if (step instanceof Step.Swap swap) {
            return swap.next();
        } else if (step instanceof Step.ReplaceStopped replace) {
            return replace.alternative();
        } else if (step instanceof Step.HandOver handOver) {
            return handOver.successor();
        }
        throw new IllegalArgumentException(step + " makes no revision serve");
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
        PreparedHolder holding = prepareHolder(objectName, next);
        try (holding) {
            synchronized (this) {
                KnownObject known = published(objectName);
                ensureUnchanged(objectName, next, operatorTarget(objectName, implementationSpec));
                if (known.isServedBy(next)) { // swapped meanwhile by someone else
                    return "'" + objectName + "' is already served by " + next.describe();
                }
                if (known.state() == ObjectState.HANDING_OVER) {
                    stops.completeTakeover(known);
                }
                SwapRecord record = known.state() == ObjectState.WAITING ? stops.handOver(known, next, holding)
                        : swapper.swap(known, next, holding);
                refreshPolicy(known);
                if (!record.completed()) {
                    throw new IllegalStateException("swap of '" + objectName + "' to " + next.bundleLabel()
                            + " rolled back: " + record.reason() + "; " + known.serving().bundleLabel() + " serves");
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
            throw new IllegalArgumentException("'" + Echo.input(implementationSpec) + "' is ambiguous for '" + objectName
                    + "', name one by bundle id or class: " + describe(matches));
        }
        ImplementationDeclaration next = matches.get(0);
        String refusal = authorisation.refusal(next, known.serving().symbolicName());
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
        PreparedHolder holding = prepareHolder(objectName, next);
        try (holding) {
            synchronized (this) {
                ensureUnchanged(objectName, next, autonomicTarget(objectName, className, decision));
                KnownObject known = byName.get(objectName);
                LOG.info("autonomic swap of '{}' from {} to {}: {}", objectName, known.serving().bundleLabel(),
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
        if (known.state() != ObjectState.SERVING) {
            throw new IllegalStateException("'" + objectName + "' is " + known.state() + ", not served by "
                    + decision.serving() + " as when the policy sampled it");
        }
        if (!known.root().implementationName().equals(decision.serving())) {
            throw new IllegalStateException("'" + objectName + "' is served by " + known.root().implementationName()
                    + " now, not by " + decision.serving() + " as when the policy sampled it");
        }
        ImplementationDeclaration next = known.offered
                .best(offer -> offer.className().equals(className) && offer.suits() != null)
                .orElseThrow(() -> new IllegalStateException("no active bundle offers " + className + " for '"
                        + objectName + "' any more"));
        String refusal = authorisation.refusal(next, known.serving().symbolicName());
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
            return PreparedHolder.of(holders, next.revision(), false);
        } catch (BundleException | IllegalStateException e) { // uninstalled, or Felix refused (a refresh)
            synchronized (this) {
                throw ImplementationSwapper.refuseUnheld(published(objectName), next, e);
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

    /**
     * Unregisters every service and destroys every object; for the extender's stop. The lifecycle
     * thread is stopped first, without the monitor (a reconciliation may be waiting for it).
     */
    public void closeAll() {
        synchronized (this) {
            closed = true;
            policies.close(); // no autonomic swap from here on (one in progress finds the extender closed)
        }
        worker.close();
        PreparedHolder released = PreparedHolder.none(holders, true); // the stopping thread holds the extender bundle's lock
        try (released) {
            synchronized (this) {
                for (KnownObject known : byName.values()) {
                    if (known.isPublished()) {
                        if (known.waiting() != null) {
                            known.waiting().end("was destroyed because the Swapline extender stopped");
                        }
                        publisher.unpublish(known, released);
                    }
                }
                byName.clear();
            }
        }
    }

    /**
     * An object's settings changed (its configuration; on Config Admin's thread): its policy
     * follows them, with its candidates' authorisation read anew. Under the monitor, so after any
     * swap in progress; no framework call.
     *
     * @param objectName the object
     */
    public synchronized void settingsChanged(String objectName) {
        KnownObject known = byName.get(objectName);
        if (closed || known == null || !known.isPublished()) {
            return; // read when it is published
        }
        refreshPolicy(known);
        policies.settingsChanged(objectName);
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

    private void createAndRefuseOthers(KnownObject known, ImplementationDeclaration first, PreparedHolder prepared) {
        if (!publisher.create(known, first, prepared)) {
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
            policies.candidatesChanged(known.object(), known.policyCandidates(authorisation));
        }
    }

    private static String describe(List<ImplementationDeclaration> implementations) {
        if (implementations.isEmpty()) {
            return "none";
        }
        return String.join("; ", implementations.stream().map(ImplementationDeclaration::describe).toList());
    }
}
