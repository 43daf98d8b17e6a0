package io.swapline.osgi.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;

import io.swapline.osgi.implementations.ImplementationAuthorisation;
import io.swapline.osgi.implementations.ImplementationDeclaration;

/**
 * Which implementation creates an object, is swapped in, takes over its kept state, is refused and
 * why, or whether the object waits: the decisions alone, on declarations of fake bundles, no
 * framework.
 */
@Timeout(10)
class LifecycleDecisionsTest {

    private static final String SHARED = "io.example.counter.shared";
    private static final String DISTRIBUTED = "io.example.counter.distributed";
    private static final String OTHER = "io.example.counter.squatter";

    /** {@code swapline.authorised.counter} lists the shared and the distributed bundle. */
    private final LifecycleDecisions decisions = new LifecycleDecisions(new ImplementationAuthorisation(
            context(Map.of("swapline.authorised.counter", SHARED + "," + DISTRIBUTED))));

    private final ImplementationDeclaration shared1 = declaration(5, SHARED, "1.0.0", "SharedCounter", 0);
    private final ImplementationDeclaration distributed = declaration(6, DISTRIBUTED, "1.0.0", "DistributedCounter", -1);

    @Test
    void theFirstImplementationCreatesTheObjectUnlessCreationIsDeferred() {
        KnownObject known = offered(shared1);

        assertEquals(new Step.Create(shared1), decisions.started(known, shared1, false));
        assertEquals(new Step.None(), decisions.started(known, shared1, true));
    }

    @Test
    void aNewRevisionOfTheServingBundleIsSwappedIn() {
        KnownObject known = serving(shared1);
        ImplementationDeclaration shared2 = declaration(5, SHARED, "2.0.0", "SharedCounter", 0);
        known.offer(shared2);

        assertEquals(new Step.Swap(shared2), decisions.started(known, shared2, false));
    }

    @Test
    void theServingWiringStartedAgainChangesNothing() {
        KnownObject known = serving(shared1);

        Step step = decisions.started(known, shared1, false);

        assertInstanceOf(Step.Keep.class, step);
        assertTrue(((Step.Keep) step).why().contains("already served"), step.toString());
    }

    @Test
    void anotherAuthorisedBundleIsKeptAsAnAlternativeWithTheCommandThatSwapsToIt() {
        KnownObject known = serving(shared1);
        known.offer(distributed);

        Step step = decisions.started(known, distributed, false);

        assertEquals(new Step.Keep(DISTRIBUTED + " 1.0.0 offers an implementation of 'counter', which " + SHARED
                + " 1.0.0 serves; 'swapline:swap counter 6' makes it serve", true), step);
    }

    @Test
    void anUnauthorisedBundleIsRefusedWithTheReason() {
        KnownObject known = serving(shared1);
        ImplementationDeclaration squatter = declaration(7, OTHER, "9.9.9", "SharedCounter", 100);
        known.offer(squatter);

        Step step = decisions.started(known, squatter, false);

        assertInstanceOf(Step.Refuse.class, step);
        assertTrue(((Step.Refuse) step).reason().contains(OTHER + " is not authorised for 'counter'"), step.toString());
    }

    @Test
    void aWaitingObjectHandsOverToAnyAllowedImplementationThatStarts() {
        KnownObject known = waiting(shared1); // the shared bundle stopped, nothing else active
        known.offer(distributed);

        assertEquals(new Step.HandOver(distributed), decisions.started(known, distributed, false));
    }

    @Test
    void aWaitingObjectRefusesAnUnauthorisedSuccessor() {
        KnownObject known = waiting(shared1);
        ImplementationDeclaration squatter = declaration(7, OTHER, "1.0.0", "SharedCounter", 0);
        known.offer(squatter);

        assertInstanceOf(Step.Refuse.class, decisions.started(known, squatter, false));
    }

    @Test
    void anOfferWithdrawnBeforeTheDecisionIsTakenChangesNothing() {
        KnownObject known = waiting(shared1);
        known.offer(distributed);
        known.withdraw(distributed.bundleId());

        assertEquals(new Step.None(), decisions.started(known, distributed, false));
    }

    @Test
    void aStoppedServingBundleIsReplacedByTheMostPreferredAllowedAlternative() {
        KnownObject known = serving(shared1);
        ImplementationDeclaration distributedHigh = declaration(8, DISTRIBUTED, "1.0.0", "DistributedCounter", 3);
        ImplementationDeclaration squatter = declaration(9, OTHER, "1.0.0", "SharedCounter", 50);
        known.offer(distributed);
        known.offer(distributedHigh);
        known.offer(squatter);
        known.withdraw(shared1.bundleId());

        assertEquals(new Step.ReplaceStopped(distributedHigh), decisions.stopped(known, 5, false, false),
                "ranking first; the squatter's higher ranking does not count, it is not allowed");
    }

    @Test
    void equalRankingsAreBrokenByTheLowerBundleId() {
        KnownObject known = serving(shared1);
        ImplementationDeclaration later = declaration(12, DISTRIBUTED, "1.0.0", "DistributedCounter", 0);
        ImplementationDeclaration earlier = declaration(11, DISTRIBUTED, "1.0.0", "DistributedCounter", 0);
        known.offer(later);
        known.offer(earlier);
        known.withdraw(5);

        assertEquals(new Step.ReplaceStopped(earlier), decisions.stopped(known, 5, false, false));
    }

    @Test
    void aStoppedServingBundleWithNoAlternativeWaits() {
        KnownObject known = serving(shared1);
        known.withdraw(5);

        assertEquals(new Step.Wait(), decisions.stopped(known, 5, false, false));
    }

    @Test
    void anUpdateOrTheFrameworkStoppingKeepsTheObjectServing() {
        KnownObject known = serving(shared1);
        known.offer(distributed);
        known.withdraw(5);

        assertInstanceOf(Step.KeepForUpdate.class, decisions.stopped(known, 5, true, false));
        assertInstanceOf(Step.Keep.class, decisions.stopped(known, 5, false, true));
    }

    @Test
    void anotherBundleStoppingChangesNothing() {
        KnownObject known = serving(shared1);

        assertEquals(new Step.None(), decisions.stopped(known, 6, false, false));
        assertEquals(new Step.None(), decisions.stopped(waiting(shared1), 5, false, false),
                "a waiting object has nothing left to stop");
    }

    @Test
    void aNewRevisionThatNoLongerDeclaresTheObjectIsAStop() {
        KnownObject known = serving(shared1);
        BundleRevision current = declaration(5, SHARED, "2.0.0", "SharedCounter", 0).revision();

        assertEquals(new Step.Wait(), decisions.revisionStarted(known, 5, current, List.of()));
        assertEquals(new Step.None(), decisions.revisionStarted(known, 5, shared1.revision(), List.of()),
                "the serving revision itself");
    }

    @Test
    void reconcilingHandsAWaitingObjectToTheBestAllowedOffer() {
        KnownObject known = waiting(shared1);
        known.offer(distributed);

        assertEquals(new Step.HandOver(distributed), decisions.reconcile(known, false));
        assertEquals(new Step.None(), decisions.reconcile(waiting(shared1), false), "nothing offered");
    }

    @Test
    void reconcilingCreatesAnOfferedObjectFromItsMostPreferredOffer() {
        ImplementationDeclaration preferred = declaration(9, DISTRIBUTED, "1.0.0", "DistributedCounter", 10);
        KnownObject known = offered(shared1);
        known.offer(preferred);

        assertEquals(new Step.Create(preferred), decisions.reconcile(known, false));
        assertEquals(new Step.None(), decisions.reconcile(known, true));
    }

    @Test
    void reconcilingSwapsAnOlderRevisionStillServingToItsBundlesCurrentOne() {
        KnownObject known = serving(shared1);
        ImplementationDeclaration shared2 = declaration(5, SHARED, "2.0.0", "SharedCounter", 0);
        known.withdraw(5);
        known.offer(shared2);

        assertEquals(new Step.Swap(shared2), decisions.reconcile(known, false));
        assertEquals(new Step.None(), decisions.reconcile(serving(shared1), false), "the current revision serves");
    }

    @Test
    void reconcilingReplacesAnObjectWhoseUpdateFailedAfterItsBundleStopped() {
        ImplementationDeclaration sharedLeftInstalled = declaration(5, SHARED, "1.0.0", "SharedCounter", 0,
                Bundle.INSTALLED);
        KnownObject known = serving(sharedLeftInstalled);
        known.offer(distributed);
        known.withdraw(5); // the update's STOPPING; its new revision never became ACTIVE

        assertEquals(new Step.ReplaceStopped(distributed), decisions.reconcile(known, false));
        KnownObject stillUpdating = serving(declaration(5, SHARED, "1.0.0", "SharedCounter", 0, Bundle.STARTING));
        stillUpdating.withdraw(5);
        assertEquals(new Step.None(), decisions.reconcile(stillUpdating, false), "its new revision is on its way");
    }

    @Test
    void aHalfDoneHandOverIsCompletedFirst() {
        KnownObject known = waiting(shared1);
        known.offer(distributed);
        known.handingOver(distributed, null);

        assertEquals(new Step.CompleteTakeover(), decisions.reconcile(known, false));
        assertEquals(new Step.CompleteTakeover(), decisions.stopped(known, 6, false, false));
        assertEquals(new Step.CompleteTakeover(), decisions.started(known, distributed, false));
    }

    private static KnownObject offered(ImplementationDeclaration first) {
        KnownObject known = new KnownObject("counter");
        known.offer(first);
        return known;
    }

    private static KnownObject serving(ImplementationDeclaration first) {
        KnownObject known = offered(first);
        known.published(null, null, first, null, null);
        return known;
    }

    private static KnownObject waiting(ImplementationDeclaration stopped) {
        KnownObject known = serving(stopped);
        known.withdraw(stopped.bundleId());
        known.waitsIn(null);
        return known;
    }

    private static ImplementationDeclaration declaration(long bundleId, String symbolicName, String version,
            String simpleClassName, long ranking) {
        return declaration(bundleId, symbolicName, version, simpleClassName, ranking, Bundle.ACTIVE);
    }

    private static ImplementationDeclaration declaration(long bundleId, String symbolicName, String version,
            String simpleClassName, long ranking, int bundleState) {
        Bundle bundle = fake(Bundle.class, Map.of("getBundleId", bundleId, "getSymbolicName", symbolicName,
                "getState", bundleState));
        BundleRevision revision = fake(BundleRevision.class, Map.of("getBundle", bundle, "getSymbolicName",
                symbolicName, "getVersion", Version.parseVersion(version)));
        return new ImplementationDeclaration("counter", "io.example.counter.Counter",
                symbolicName + "." + simpleClassName, ranking, null, revision, fake(BundleWiring.class, Map.of()));
    }

    private static BundleContext context(Map<String, String> properties) {
        return (BundleContext) Proxy.newProxyInstance(LifecycleDecisionsTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A proxy answering the named methods with the given values; identity for equals and hashCode. */
    private static <T> T fake(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(LifecycleDecisionsTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> type.getSimpleName() + answers;
                    default -> {
                        if (!answers.containsKey(method.getName())) {
                            throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
                        }
                        yield answers.get(method.getName());
                    }
                }));
    }
}
