package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.streamBundle;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

import io.swapline.api.ClusteredObject;
import io.swapline.api.RootKind;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.itests.fixture.Greeter;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * The platform bundles resolve in Felix, and the runtime works inside the framework with an
 * interface from a bundle that cannot see it — the situation of every API bundle.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT extends Bounded {

    private static final String FIXTURE = "io.swapline.itests.fixture";
    private static final int THREADS = 8;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(
                SwaplineOptions.swapline(),
                streamBundle(new ByteArrayInputStream(TestBundles.exporting(FIXTURE, "1.0.0", Greeter.class))));
    }

    /**
     * The probe is built from all test classes, so it carries a copy of {@link Greeter}; an
     * explicit import makes it load the fixture bundle's instead (in OSGi an imported package
     * shadows the bundle's own copy). {@code ignorePackageOf} would not do: it only leaves the
     * package out of the computed imports, not out of the probe.
     */
    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return probe.setHeader(Constants.IMPORT_PACKAGE, FIXTURE + ";version=\"[1,2)\"");
    }

    @Test
    public void platformBundlesResolveAndAreActive() {
        for (String name : List.of("org.objectweb.asm", "io.swapline.api", "io.swapline.core", "io.swapline.osgi",
                "org.apache.felix.scr",
                FIXTURE)) {
            Bundle bundle = bundle(name);
            assertEquals(name + " is " + stateName(bundle), Bundle.ACTIVE, bundle.getState());
        }
        Map<String, String> imports = importedPackages(bundle("io.swapline.core"));
        assertEquals("io.swapline.api", imports.get("io.swapline.api"));
        assertEquals("org.objectweb.asm", imports.get("org.objectweb.asm"));
        assertTrue("core must not import org.osgi: " + imports.keySet(),
                imports.keySet().stream().noneMatch(pkg -> pkg.startsWith("org.osgi.")));
    }

    @Test
    public void systemBundleExportsSlf4j2AsTheLauncherDoes() {
        Version exported = null;
        for (BundleCapability export : context.getBundle(0).adapt(BundleWiring.class)
                .getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
            if ("org.slf4j".equals(export.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                exported = (Version) export.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE);
            }
        }
        assertNotNull("the system bundle exports no org.slf4j", exported);
        assertEquals(2, exported.getMajor());
    }

    @Test
    public void interfaceBundleCannotSeeTheRuntime() {
        Bundle fixture = bundle(FIXTURE);
        assertSame("the probe must use the fixture bundle's Greeter",
                fixture.adapt(BundleWiring.class).getClassLoader(), Greeter.class.getClassLoader());
        assertThrows(ClassNotFoundException.class, () -> fixture.loadClass(ClusteredObjectRuntime.class.getName()));
    }

    @Test
    public void sharedObjectServesEveryThreadFromItsOneRep() throws Exception {
        ClusteredObjectRuntime runtime = new ClusteredObjectRuntime();
        AtomicInteger repsMade = new AtomicInteger();
        ClusteredObject<Greeter> object = runtime.create("greeter.shared", Greeter.class, RootKind.SHARED,
                index -> {
                    repsMade.incrementAndGet();
                    return new GreeterRep(index);
                });
        Greeter stub = object.stub();

        assertEquals("hello Ada from rep 0", stub.greet("Ada"));
        assertEquals(48L, stub.sum(42L, 1, 2, 3));
        assertEquals("HELLO ADA FROM REP 0", stub.shout("Ada"));
        assertEquals(Set.of(0), new HashSet<>(onThreads(stub::repIndex)));
        assertEquals(1, repsMade.get());
        assertEquals(RootKind.SHARED, object.kind());
        assertFalse("clients get a generated stub, never the Rep", stub instanceof GreeterRep);
        assertEquals("ClusteredObject[greeter.shared: " + Greeter.class.getName() + "]", stub.toString());
    }

    @Test
    public void distributedObjectGivesEachSlotItsOwnRep() throws Exception {
        ClusteredObjectRuntime runtime = new ClusteredObjectRuntime();
        AtomicInteger repsMade = new AtomicInteger();
        ClusteredObject<Greeter> object = runtime.create("greeter.distributed", Greeter.class, RootKind.DISTRIBUTED,
                index -> {
                    repsMade.incrementAndGet();
                    return new GreeterRep(index);
                });
        Greeter stub = object.stub();

        List<Integer> served = onThreads(() -> {
            int rep = stub.repIndex();
            assertEquals("a thread stays on its slot's Rep", rep, stub.repIndex());
            assertEquals("hello Bob from rep " + rep, stub.greet("Bob"));
            assertEquals(7L + rep, stub.sum(7L, rep));
            return rep;
        });
        Set<Integer> reps = new HashSet<>(served);
        assertEquals("one Rep per slot used", object.slotsInUse(), reps.size());
        assertEquals("Reps are made once, lazily", reps.size(), repsMade.get());
        assertEquals(RootKind.DISTRIBUTED, object.kind());
    }

    @Test
    public void destroyedObjectsStubThrowsNamingTheObject() {
        ClusteredObjectRuntime runtime = new ClusteredObjectRuntime();
        for (RootKind kind : List.of(RootKind.SHARED, RootKind.DISTRIBUTED)) {
            String name = "greeter.doomed." + kind;
            ClusteredObject<Greeter> object = runtime.create(name, Greeter.class, kind, GreeterRep::new);
            Greeter stub = object.stub();
            assertNotNull(stub.greet("Eve")); // the Rep is installed before the destroy

            runtime.destroy(object);

            IllegalStateException e = assertThrows(IllegalStateException.class, () -> stub.greet("Eve"));
            assertTrue(kind + ": " + e.getMessage(), e.getMessage().contains("'" + name + "'"));
            assertFalse(object.isLive());
            assertTrue("the name is free again", runtime.find(name).isEmpty());
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName + " is installed");
    }

    private static String stateName(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.INSTALLED -> "INSTALLED (unresolved)";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }

    /** Imported package → symbolic name of the bundle that provides it. */
    private static Map<String, String> importedPackages(Bundle bundle) {
        Map<String, String> providers = new HashMap<>();
        for (BundleWire wire : bundle.adapt(BundleWiring.class).getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            providers.put((String) wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE),
                    wire.getProvider().getBundle().getSymbolicName());
        }
        return providers;
    }

    /** Runs {@code call} once on each of {@value #THREADS} new threads and returns the results. */
    private static <T> List<T> onThreads(Callable<T> call) throws Exception {
        List<FutureTask<T>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            FutureTask<T> task = new FutureTask<>(call);
            tasks.add(task);
            new Thread(task, "greeter-client-" + i).start();
        }
        List<T> results = new ArrayList<>();
        for (FutureTask<T> task : tasks) {
            results.add(task.get(10, TimeUnit.SECONDS));
        }
        return results;
    }
}
