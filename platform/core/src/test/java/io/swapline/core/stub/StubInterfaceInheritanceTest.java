package io.swapline.core.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.swapline.api.RootKind;
import io.swapline.core.stub.hidden.PublicFace;

/**
 * Guards interfaces that extend interfaces, including a diamond: every inherited method is
 * implemented exactly once by the stub class, and calls through a reference of any
 * superinterface reach the Rep (for defaults: the most specific one); methods a public
 * interface inherits from a package-private one are callable too, although the stub lives in
 * another package.
 */
class StubInterfaceInheritanceTest {

    public interface Named {
        String name();

        default String label() {
            return "named:" + name();
        }
    }

    public interface Left extends Named {
        int left();

        @Override
        default String label() {
            return "left:" + name();
        }
    }

    public interface Right extends Named {
        int right();

        /** Redeclared abstractly on one side of the diamond. */
        @Override
        String name();
    }

    /** A diamond: Named through Left and through Right. */
    public interface Both extends Left, Right {
        int both();
    }

    public interface Deep extends Both {
        default int sum() {
            return left() + right() + both();
        }
    }

    static final class DeepRep implements Deep {
        @Override
        public String name() {
            return "deep";
        }

        @Override
        public int left() {
            return 1;
        }

        @Override
        public int right() {
            return 20;
        }

        @Override
        public int both() {
            return 300;
        }
    }

    private final StubHarness harness = new StubHarness();

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void methodsInheritedFromANonPublicSuperinterfaceAreCallableThroughTheStub(RootKind kind) {
        PublicFace stub = harness.stub(kind, PublicFace.class, PublicFace.of(4, 5));

        assertEquals(5, stub.own());
        assertEquals(4, stub.base());
        assertEquals(8, stub.twiceBase());
    }

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void callsThroughEverySuperinterfaceReachTheRep(RootKind kind) {
        Deep stub = harness.stub(kind, Deep.class, new DeepRep());
        Both both = stub;
        Left left = stub;
        Right right = stub;
        Named named = stub;

        assertEquals(321, stub.sum());
        assertEquals(300, both.both());
        assertEquals(1, left.left());
        assertEquals(20, right.right());
        assertEquals("deep", named.name());
        assertEquals("deep", right.name());
    }

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void diamondDefaultResolvesToTheMostSpecificInterface(RootKind kind) {
        Deep stub = harness.stub(kind, Deep.class, new DeepRep());
        Named named = stub;

        assertEquals("left:deep", stub.label());
        assertEquals("left:deep", named.label());
    }

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void stubClassImplementsEachInheritedMethodOnce(RootKind kind) {
        Class<?> stubClass = harness.stub(kind, Deep.class, new DeepRep()).getClass();

        List<String> declared = Arrays.stream(stubClass.getDeclaredMethods())
                .map(Method::getName)
                .sorted()
                .toList();
        assertEquals(List.of("both", "label", "left", "name", "right", "sum"), declared);
        assertEquals(List.of(Deep.class), List.of(stubClass.getInterfaces()));
    }
}
