package io.swapline.core.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandles;
import java.lang.management.ManagementFactory;
import java.lang.invoke.MethodType;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.swapline.api.ClusteredObject;
import io.swapline.api.RootKind;
import io.swapline.core.ClusteredObjectRuntime;

/**
 * Guards the loader design's promise that a stub class can be unloaded: once its object is
 * destroyed and the client drops the stub, nothing of the runtime keeps the class, its
 * generated loader or the interface's loader reachable (no cache holds classes strongly).
 * Generated classes are defined in batches per interface loader and unload with their batch,
 * so these tests use an interface loader of their own: its batch holds only their stubs, while
 * a batch of the test class path's loader is shared with every other test in this JVM.
 *
 * <p>Unloading itself is up to the collector, so the test asserts what it controls: that the
 * class becomes unreachable. It waits on weak references while asking for full collections, in
 * a bounded loop with a generous retry count (a {@code System.gc()} in HotSpot's default
 * collectors is a full, class-unloading collection, normally enough on the first try); a
 * reference that is never cleared means something still holds the class.
 */
class StubClassUnloadingTest {

    private static final int GC_ATTEMPTS = 50;

    private final ClusteredObjectRuntime runtime = new ClusteredObjectRuntime(4);

    public interface Pinger {
        int ping(int value);
    }

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void stubClassOfADestroyedObjectIsUnloaded(RootKind kind) throws Exception {
        long unloadedBefore = ManagementFactory.getClassLoadingMXBean().getUnloadedClassCount();
        List<WeakReference<Object>> refs = createCallDestroyIsolated(kind);

        assertCollected(refs, "stub class, its loader, the interface's loader");
        assertEquals(0, runtime.objects().size());
        assertTrue(ManagementFactory.getClassLoadingMXBean().getUnloadedClassCount() > unloadedBefore,
                "no class was unloaded by the collections that cleared the stub class's reference");
    }

    @ParameterizedTest
    @EnumSource(value = RootKind.class, names = {"SHARED", "DISTRIBUTED"})
    void stubClassOfALiveObjectStaysReachable(RootKind kind) throws InterruptedException {
        ClusteredObject<Pinger> object = runtime.create("live-" + kind, Pinger.class, kind, i -> v -> v + 1);
        WeakReference<Class<?>> stubClass = new WeakReference<>(object.stub().getClass());

        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(10);
        }

        assertTrue(stubClass.get() != null, "the stub class of a live object was collected");
        assertEquals(3, runtime.find("live-" + kind, Pinger.class).orElseThrow().stub().ping(2));
    }

    /** Kept out of the test method so that no local variable of the caller holds anything. */
    private List<WeakReference<Object>> createCallDestroyIsolated(RootKind kind) throws Exception {
        IsolatedClassLoader isolated = new IsolatedClassLoader("io.swapline.testfixtures.isolated");
        @SuppressWarnings("unchecked")
        Class<Object> type = (Class<Object>) isolated.loadClass("io.swapline.testfixtures.isolated.Greeting");
        Object rep = isolated.loadClass("io.swapline.testfixtures.isolated.GreetingRep").getConstructor().newInstance();
        ClusteredObject<Object> object = runtime.create("unload-isolated-" + kind, type, kind, i -> rep);
        Object stub = object.stub();
        try {
            assertEquals(0, (int) MethodHandles.publicLookup()
                    .findVirtual(type, "calls", MethodType.methodType(int.class)).invoke(stub));
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        List<WeakReference<Object>> refs = new ArrayList<>();
        refs.add(new WeakReference<>(stub.getClass()));
        refs.add(new WeakReference<>(stub.getClass().getClassLoader()));
        refs.add(new WeakReference<>(isolated));
        runtime.destroy(object);
        return refs;
    }

    private static void assertCollected(List<WeakReference<Object>> refs, String what) throws InterruptedException {
        for (int attempt = 0; attempt < GC_ATTEMPTS && refs.stream().anyMatch(r -> r.get() != null); attempt++) {
            System.gc();
            Thread.sleep(10); // lets reference processing finish; the loop is bounded by GC_ATTEMPTS
        }
        for (WeakReference<Object> ref : refs) {
            assertNull(ref.get(), () -> "still reachable after " + GC_ATTEMPTS + " full collections (" + what + "): "
                    + ref.get());
        }
    }
}
