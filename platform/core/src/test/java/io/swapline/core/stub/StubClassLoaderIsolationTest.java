package io.swapline.core.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.swapline.api.ClusteredObject;
import io.swapline.api.RootKind;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.core.table.ProcessorSlots;

/**
 * Guards stubs of interfaces from a class loader that cannot see the runtime (an API bundle's,
 * in OSGi): the stub is generated through a loader that sees both worlds, implements the very
 * interface object it was given (not a same-named class another loader can see), resolves the
 * types the interface names through the interface's loader, and is not defined by the
 * interface's loader.
 *
 * <p>Runs for a fixture package outside the runtime's and for one whose name starts like the
 * runtime's packages ({@code io.swapline.core.…}), which a loader routing by name prefix would
 * resolve in the wrong world.
 */
class StubClassLoaderIsolationTest {

    static List<Arguments> fixturesAndKinds() {
        return List.of(
                Arguments.of("io.swapline.testfixtures.isolated", RootKind.SHARED),
                Arguments.of("io.swapline.testfixtures.isolated", RootKind.DISTRIBUTED),
                Arguments.of("io.swapline.core.stub.isolated", RootKind.SHARED),
                Arguments.of("io.swapline.core.stub.isolated", RootKind.DISTRIBUTED));
    }

    private final ClusteredObjectRuntime runtime = new ClusteredObjectRuntime(4);

    @ParameterizedTest
    @MethodSource("fixturesAndKinds")
    void theIsolatedLoaderCannotSeeTheRuntime(String fixturePackage, RootKind kind) throws Exception {
        IsolatedClassLoader isolated = new IsolatedClassLoader(fixturePackage);

        assertThrows(ClassNotFoundException.class,
                () -> Class.forName(ClusteredObjectRuntime.class.getName(), false, isolated));
        assertThrows(ClassNotFoundException.class, () -> Class.forName(StubBase.class.getName(), false, isolated));
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName(ClusteredObject.class.getName(), false, isolated));
        Class<?> type = isolated.loadClass(fixturePackage + ".Greeting");
        assertSame(isolated, type.getClassLoader());
        assertNotSame(Class.forName(type.getName()), type, "the test class path's copy is another class");
    }

    @ParameterizedTest
    @MethodSource("fixturesAndKinds")
    void stubOfAnInterfaceFromALoaderThatCannotSeeTheRuntimeWorks(String fixturePackage, RootKind kind)
            throws Throwable {
        IsolatedClassLoader isolated = new IsolatedClassLoader(fixturePackage);
        Class<Object> type = uncheckedClass(isolated.loadClass(fixturePackage + ".Greeting"));
        Class<?> messageType = isolated.loadClass(fixturePackage + ".Message");
        Object rep = isolated.loadClass(fixturePackage + ".GreetingRep").getConstructor().newInstance();

        ClusteredObject<Object> object = runtime.create("isolated-" + kind, type, kind, i -> rep);
        Object stub = object.stub();

        assertTrue(type.isInstance(stub));
        assertEquals(List.of(type), List.of(stub.getClass().getInterfaces()));
        assertNotSame(isolated, stub.getClass().getClassLoader(), "the stub was defined by the interface's loader");
        assertNotSame(StubBase.class.getClassLoader(), stub.getClass().getClassLoader());
        assertTrue(stub.getClass().getName().startsWith(Stubs.GENERATED_PACKAGE + ".Stub$Greeting$"));

        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        MethodHandle greet = lookup.findVirtual(type, "greet", MethodType.methodType(messageType, messageType));
        MethodHandle text = lookup.findVirtual(messageType, "text", MethodType.methodType(String.class));
        MethodHandle calls = lookup.findVirtual(type, "calls", MethodType.methodType(int.class));
        MethodHandle fail = lookup.findVirtual(type, "fail", MethodType.methodType(void.class, String.class));
        MethodHandle describe = lookup.findVirtual(type, "describe", MethodType.methodType(String.class));
        Object message = messageType.getConstructor(String.class).newInstance("world");

        Object greeting = greet.invoke(stub, message);
        assertSame(messageType, greeting.getClass());
        assertEquals("hello world", (String) text.invoke(greeting));
        assertEquals(1, (int) calls.invoke(stub));
        assertEquals(1, (int) calls.invoke(rep));
        Throwable thrown = assertThrows(Throwable.class, () -> fail.invoke(stub, "boom"));
        assertSame(isolated, thrown.getClass().getClassLoader());
        assertEquals("boom", thrown.getMessage());
        assertEquals("greeting by " + rep.getClass().getName(), (String) describe.invoke(stub));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void stubOfAnInterfaceOfTheJdkWorks(RootKind kind) {
        @SuppressWarnings("unchecked")
        Class<Comparator<String>> type = (Class<Comparator<String>>) (Class<?>) Comparator.class;
        Comparator<String> byLength = (a, b) -> Integer.compare(a.length(), b.length());

        Comparator<String> stub = runtime.create("jdk-" + kind, type, kind, i -> byLength).stub();

        assertNull(Comparator.class.getClassLoader());
        assertTrue(stub.compare("a", "bb") < 0);
        assertTrue(stub.reversed().compare("a", "bb") > 0); // a default method, run by the Rep
        assertFalse(stub.equals(byLength)); // Comparator redeclares equals; the stub's is identity
        assertEquals(List.of(Comparator.class), List.of(stub.getClass().getInterfaces()));
        assertNotNull(stub.getClass().getClassLoader());
    }

    static List<RootKind> kinds() {
        return List.of(RootKind.SHARED, RootKind.DISTRIBUTED);
    }

    @SuppressWarnings("unchecked")
    private static Class<Object> uncheckedClass(Class<?> type) {
        return (Class<Object>) type;
    }
}
