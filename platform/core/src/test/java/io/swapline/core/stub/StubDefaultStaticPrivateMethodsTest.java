package io.swapline.core.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.swapline.api.RootKind;

/**
 * Guards default methods (dispatched to the Rep: an override in the Rep runs; otherwise the
 * default body runs with {@code this} being the Rep, never the stub) and static and private
 * interface methods (not dispatched: the stub class declares none of them, and they keep
 * working).
 */
class StubDefaultStaticPrivateMethodsTest {

    public interface Greeter {
        String name();

        default String greet() {
            return "hello " + name();
        }

        /** The {@code this} the default body runs with. */
        default Object self() {
            return this;
        }

        default String shout() {
            return exclaim(greet()).toUpperCase();
        }

        private String exclaim(String text) {
            return text + "!";
        }

        static String version() {
            return "greeter-1";
        }

        private static String secret() {
            return "s";
        }

        static String secretLength() {
            return secret() + secret().length();
        }
    }

    /** Takes every default. */
    static final class PlainGreeter implements Greeter {
        @Override
        public String name() {
            return "plain";
        }
    }

    /** Overrides a default. */
    static final class PoliteGreeter implements Greeter {
        int greetCalls;

        @Override
        public String name() {
            return "polite";
        }

        @Override
        public String greet() {
            greetCalls++;
            return "good day, " + name();
        }
    }

    private final StubHarness harness = new StubHarness();

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void defaultMethodOverriddenByTheRepRunsTheRepsOverride(RootKind kind) {
        PoliteGreeter rep = new PoliteGreeter();
        Greeter stub = harness.stub(kind, Greeter.class, rep);

        assertEquals("good day, polite", stub.greet());
        assertEquals("GOOD DAY, POLITE!", stub.shout()); // the default shout calls the override
        assertEquals(2, rep.greetCalls);
    }

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void defaultMethodNotOverriddenRunsWithTheRepAsThis(RootKind kind) {
        PlainGreeter rep = new PlainGreeter();
        Greeter stub = harness.stub(kind, Greeter.class, rep);

        assertEquals("hello plain", stub.greet());
        assertSame(rep, stub.self());
        assertEquals("HELLO PLAIN!", stub.shout()); // default calling a private method on the Rep
    }

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void staticAndPrivateInterfaceMethodsAreNotDeclaredByTheStubClass(RootKind kind) {
        Greeter stub = harness.stub(kind, Greeter.class, new PlainGreeter());

        Set<String> declared = Arrays.stream(stub.getClass().getDeclaredMethods())
                .map(Method::getName)
                .collect(Collectors.toSet());
        assertEquals(Set.of("name", "greet", "self", "shout"), declared);
        assertFalse(declared.contains("exclaim"));
        assertFalse(declared.contains("version"));
        assertFalse(declared.contains("secret"));
    }

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void staticInterfaceMethodsStillWorkBesideAStub(RootKind kind) {
        Greeter stub = harness.stub(kind, Greeter.class, new PlainGreeter());

        assertTrue(stub instanceof Greeter);
        assertEquals("greeter-1", Greeter.version());
        assertEquals("s1", Greeter.secretLength());
    }
}
