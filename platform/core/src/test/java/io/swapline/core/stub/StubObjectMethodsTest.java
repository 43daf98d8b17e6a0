package io.swapline.core.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.swapline.api.ClusteredObject;
import io.swapline.api.RootKind;

/**
 * Guards the documented meaning of {@code equals}, {@code hashCode} and {@code toString} on a
 * stub (see {@link ClusteredObject#stub()} and {@link StubBase}): identity, identity hash, and a
 * string naming the object. None of them reaches the Rep, even when the interface redeclares
 * them abstractly.
 */
class StubObjectMethodsTest {

    /** Redeclares the three Object methods abstractly, as some APIs do. */
    public interface Valued {
        int value();

        @Override
        boolean equals(Object other);

        @Override
        int hashCode();

        @Override
        String toString();
    }

    /** Counts calls of its Object methods; its equals is value equality. */
    static final class ValuedRep implements Valued {
        int objectMethodCalls;

        @Override
        public int value() {
            return 7;
        }

        @Override
        public boolean equals(Object other) {
            objectMethodCalls++;
            return other instanceof Valued;
        }

        @Override
        public int hashCode() {
            objectMethodCalls++;
            return 7;
        }

        @Override
        public String toString() {
            objectMethodCalls++;
            return "rep";
        }
    }

    private final StubHarness harness = new StubHarness();

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void equalsOfAStubIsIdentityAndNeverReachesTheRep(RootKind kind) {
        ValuedRep rep = new ValuedRep();
        Valued stub = harness.stub(kind, Valued.class, rep);
        Valued other = harness.stub(kind, Valued.class, rep);
        Object asObject = stub;

        assertTrue(stub.equals(stub));
        assertTrue(asObject.equals(stub));
        assertFalse(stub.equals(other), "two objects over the same Rep are two objects");
        assertFalse(stub.equals(rep));
        assertFalse(stub.equals(null));
        assertEquals(7, stub.value());
        assertEquals(0, rep.objectMethodCalls);
    }

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void hashCodeOfAStubIsItsIdentityHashAndNeverReachesTheRep(RootKind kind) {
        ValuedRep rep = new ValuedRep();
        Valued stub = harness.stub(kind, Valued.class, rep);
        Set<Object> set = new HashSet<>();
        set.add(stub);
        set.add(harness.stub(kind, Valued.class, rep));

        assertEquals(System.identityHashCode(stub), stub.hashCode());
        assertEquals(System.identityHashCode(stub), ((Object) stub).hashCode());
        assertEquals(2, set.size());
        assertEquals(0, rep.objectMethodCalls);
    }

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void toStringOfAStubNamesTheObjectAndNeverReachesTheRep(RootKind kind) {
        ValuedRep rep = new ValuedRep();
        ClusteredObject<Valued> object = harness.object(kind, Valued.class, () -> rep);
        Valued stub = object.stub();

        String text = stub.toString();

        assertTrue(text.contains(object.name()), text);
        assertTrue(text.contains(Valued.class.getName()), text);
        assertEquals("ClusteredObject[" + object.name() + ": " + Valued.class.getName() + "]", text);
        assertNotEquals("rep", text);
        assertEquals(0, rep.objectMethodCalls);
    }

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void objectMethodsAreNotGeneratedButInheritedFinalFromStubBase(RootKind kind) throws NoSuchMethodException {
        Class<?> stubClass = harness.stub(kind, Valued.class, new ValuedRep()).getClass();

        Set<String> declared = Arrays.stream(stubClass.getDeclaredMethods())
                .map(Method::getName)
                .collect(Collectors.toSet());
        assertEquals(Set.of("value"), declared);
        assertSame(StubBase.class, stubClass.getSuperclass());
        assertSame(StubBase.class, stubClass.getMethod("equals", Object.class).getDeclaringClass());
        assertSame(StubBase.class, stubClass.getMethod("hashCode").getDeclaringClass());
        assertSame(StubBase.class, stubClass.getMethod("toString").getDeclaringClass());
    }

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void stubIsTheSameInstanceOnEveryCall(RootKind kind) {
        ClusteredObject<Valued> object = harness.object(kind, Valued.class, ValuedRep::new);

        assertSame(object.stub(), object.stub());
        assertEquals(object.stub(), object.stub());
    }
}
