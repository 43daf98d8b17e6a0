package io.swapline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Retention;
import java.lang.invoke.MethodHandles;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

import io.swapline.api.ClusteredObject;
import io.swapline.api.DistributedRoot;
import io.swapline.api.Root;
import io.swapline.api.RootKind;
import io.swapline.api.SharedRoot;
import io.swapline.core.table.ProcessorSlots;

/**
 * Guards the registry's promise that rejected input gets a clear exception and changes
 * nothing: no object registered, the name still free, the root not attached, no translation
 * entry allocated.
 */
class ClusteredObjectRuntimeBadInputTest {

    public interface Good {
        int get();
    }

    public abstract static class AbstractGood implements Good {
    }

    interface PackagePrivate {
        int get();
    }

    public sealed interface Sealed permits SealedImpl {
        int get();
    }

    public static final class SealedImpl implements Sealed {
        @Override
        public int get() {
            return 1;
        }
    }

    @Retention(RetentionPolicy.RUNTIME)
    public @interface Marker {
    }

    private static final String NAME = "subject";

    private final ClusteredObjectRuntime runtime = new ClusteredObjectRuntime(4);
    private ClusteredObject<Good> bystander;

    @BeforeEach
    void createABystander() {
        bystander = runtime.create("bystander", Good.class, RootKind.SHARED, i -> () -> 99);
    }

    @Test
    void aClassThatIsNotAnInterfaceIsRejectedAndChangesNothing() {
        IllegalArgumentException e = rejected(IllegalArgumentException.class,
                root -> runtime.create(NAME, raw(String.class), root));
        assertMentions(e, String.class.getName(), "not an interface");
        e = rejected(IllegalArgumentException.class, root -> runtime.create(NAME, raw(AbstractGood.class), root));
        assertMentions(e, AbstractGood.class.getName(), "not an interface");
        e = rejected(IllegalArgumentException.class, root -> runtime.create(NAME, raw(int.class), root));
        assertMentions(e, "int", "not an interface");
    }

    @Test
    void aNonPublicInterfaceIsRejectedAndChangesNothing() {
        IllegalArgumentException e = rejected(IllegalArgumentException.class,
                root -> runtime.create(NAME, raw(PackagePrivate.class), root));
        assertMentions(e, PackagePrivate.class.getName(), "not public");
    }

    @Test
    void aSealedInterfaceIsRejectedAndChangesNothing() {
        IllegalArgumentException e = rejected(IllegalArgumentException.class,
                root -> runtime.create(NAME, raw(Sealed.class), root));
        assertMentions(e, Sealed.class.getName(), "sealed");
    }

    @Test
    void anAnnotationTypeIsRejectedAndChangesNothing() {
        IllegalArgumentException e = rejected(IllegalArgumentException.class,
                root -> runtime.create(NAME, raw(Marker.class), root));
        assertMentions(e, Marker.class.getName(), "not an interface");
    }

    @Test
    void aHiddenInterfaceIsRejectedAndChangesNothing() throws Exception {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT,
                "io/swapline/core/HiddenFace", null, "java/lang/Object", null);
        writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT, "get", "()I", null, null).visitEnd();
        writer.visitEnd();
        Class<?> hidden = MethodHandles.lookup().defineHiddenClass(writer.toByteArray(), false).lookupClass();
        assertTrue(hidden.isInterface() && hidden.isHidden());

        IllegalArgumentException e = rejected(IllegalArgumentException.class,
                root -> runtime.create(NAME, raw(hidden), root));
        assertMentions(e, "hidden");
    }

    @Test
    void aDuplicateNameIsRejectedAndChangesNothing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> runtime.create("bystander", Good.class, RootKind.DISTRIBUTED, i -> () -> 1));
        assertMentions(e, "bystander", "already exists");
        Root<Good> root = SharedRoot.of(() -> () -> 2);
        assertThrows(IllegalArgumentException.class, () -> runtime.create("bystander", Good.class, root));

        assertEquals(0, root.slotCount(), "the root of the rejected object was attached");
        assertSame(bystander, runtime.find("bystander").orElseThrow());
        assertEquals(99, bystander.stub().get());
        assertEquals(List.of(bystander), List.copyOf(runtime.objects()));
        assertNextEntryIsTheSecond();
    }

    @Test
    void nullArgumentsAreRejectedAndChangeNothing() {
        Root<Good> root = SharedRoot.of(() -> () -> 1);
        IntFunction<Good> factory = i -> () -> 1;
        List<Executable> calls = List.of(
                () -> runtime.create(null, Good.class, root),
                () -> runtime.create(NAME, null, root),
                () -> runtime.create(NAME, Good.class, (Root<Good>) null),
                () -> runtime.create(null, Good.class, RootKind.SHARED, factory),
                () -> runtime.create(NAME, null, RootKind.SHARED, factory),
                () -> runtime.create(NAME, Good.class, (RootKind) null, factory),
                () -> runtime.create(NAME, Good.class, RootKind.DISTRIBUTED, null),
                () -> runtime.destroy(null));
        for (Executable call : calls) {
            assertThrows(NullPointerException.class, call);
        }
        assertEquals(0, root.slotCount());
        assertNothingChanged();
    }

    @Test
    void aRootThatAlreadyBelongsToAnObjectIsRejectedAndChangesNothing() {
        Root<Good> taken = DistributedRoot.of(i -> () -> 5);
        ClusteredObject<Good> owner = runtime.create("owner", Good.class, taken);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> runtime.create(NAME, Good.class, taken));
        assertMentions(e, "already belongs");

        assertTrue(runtime.find(NAME).isEmpty());
        assertEquals(Set.of(bystander, owner), Set.copyOf(runtime.objects()));
        assertEquals(5, owner.stub().get());
    }

    @Test
    void anObjectOfAnotherRuntimeIsRejectedByDestroy() {
        ClusteredObjectRuntime other = new ClusteredObjectRuntime(1);
        ClusteredObject<Good> foreign = other.create("bystander", Good.class, RootKind.SHARED, i -> () -> 3);

        assertThrows(IllegalArgumentException.class, () -> runtime.destroy(foreign));

        assertTrue(foreign.isLive());
        assertTrue(bystander.isLive());
        assertEquals(3, foreign.stub().get());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aRepThatDoesNotImplementTheInterfaceFailsItsCallClearlyAndReachesNothing() {
        ClusteredObject<Good> object = runtime.create(NAME, Good.class, RootKind.SHARED, (IntFunction) i -> "no Good");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> object.stub().get());

        assertMentions(e, NAME, Good.class.getName(), String.class.getName());
    }

    @Test
    void destroyingTwiceIsNotAnError() {
        runtime.destroy(bystander);
        runtime.destroy(bystander);

        assertTrue(runtime.objects().isEmpty());
        assertTrue(runtime.find("bystander").isEmpty());
    }

    /**
     * Runs a create that must fail with a fresh root, checks that nothing changed, and that the
     * same root and name then make an object.
     */
    private <X extends RuntimeException> X rejected(Class<X> expected, java.util.function.Consumer<Root<Good>> create) {
        Root<Good> root = SharedRoot.of(() -> () -> 1);
        X thrown = assertThrows(expected, () -> create.accept(root));
        assertEquals(0, root.slotCount(), "the root of the rejected object was attached");
        assertNothingChanged();
        return thrown;
    }

    private void assertNothingChanged() {
        assertTrue(runtime.find(NAME).isEmpty(), "the rejected name was registered");
        assertEquals(List.of(bystander), List.copyOf(runtime.objects()));
        assertEquals(99, bystander.stub().get());
        assertNextEntryIsTheSecond();
    }

    /** Nothing was allocated: an object made now gets the table's second entry. */
    private void assertNextEntryIsTheSecond() {
        ClusteredObject<Good> probe = runtime.create("probe-" + System.nanoTime(), Good.class, RootKind.SHARED,
                i -> () -> 1);
        try {
            assertEquals(1, ((ManagedObject<?>) probe).table().entry().index(),
                    "a rejected create left a translation entry allocated");
        } finally {
            runtime.destroy(probe); // its entry goes back to the free list for the next probe
        }
    }

    private static void assertMentions(Throwable e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(part),
                    "message does not mention '" + part + "': " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<Good> raw(Class<?> type) {
        return (Class<Good>) type;
    }
}
