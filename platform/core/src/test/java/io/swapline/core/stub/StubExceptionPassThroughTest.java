package io.swapline.core.stub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.swapline.api.RootKind;

/**
 * Guards exceptions thrown by a Rep: checked (declared or not), unchecked and Errors reach the
 * caller as the very instance the Rep threw, neither wrapped nor replaced; and the stub method
 * declares the interface method's checked exceptions.
 */
class StubExceptionPassThroughTest {

    public interface Risky {
        void checked() throws IOException;

        int checkedOfTwo(int which) throws IOException, TimeoutException;

        long unchecked(long value);

        String error();

        /** Declares nothing, but the Rep throws a checked exception anyway. */
        void sneaky();

        default void throwsFromDefault() {
            throw new UnsupportedOperationException("default");
        }
    }

    static final class RiskyRep implements Risky {
        final IOException io = new IOException("io");
        final TimeoutException timeout = new TimeoutException("timeout");
        final IllegalArgumentException illegal = new IllegalArgumentException("illegal");
        final StackOverflowError error = new StackOverflowError("error");
        final Exception sneaky = new Exception("sneaky checked");

        @Override
        public void checked() throws IOException {
            throw io;
        }

        @Override
        public int checkedOfTwo(int which) throws IOException, TimeoutException {
            if (which == 0) {
                throw io;
            }
            throw timeout;
        }

        @Override
        public long unchecked(long value) {
            throw illegal;
        }

        @Override
        public String error() {
            throw error;
        }

        @Override
        public void sneaky() {
            RiskyRep.<RuntimeException>throwAny(sneaky);
        }

        @SuppressWarnings("unchecked")
        private static <E extends Throwable> void throwAny(Throwable t) throws E {
            throw (E) t;
        }
    }

    private final StubHarness harness = new StubHarness();

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void checkedExceptionsReachTheCallerUnchanged(RootKind kind) {
        RiskyRep rep = new RiskyRep();
        Risky stub = harness.stub(kind, Risky.class, rep);

        assertSame(rep.io, assertThrows(IOException.class, stub::checked));
        assertSame(rep.io, assertThrows(IOException.class, () -> stub.checkedOfTwo(0)));
        assertSame(rep.timeout, assertThrows(TimeoutException.class, () -> stub.checkedOfTwo(1)));
    }

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void undeclaredCheckedExceptionReachesTheCallerUnwrapped(RootKind kind) {
        RiskyRep rep = new RiskyRep();
        Risky stub = harness.stub(kind, Risky.class, rep);

        assertSame(rep.sneaky, assertThrows(Exception.class, stub::sneaky));
    }

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void uncheckedExceptionsAndErrorsReachTheCallerUnchanged(RootKind kind) {
        RiskyRep rep = new RiskyRep();
        Risky stub = harness.stub(kind, Risky.class, rep);

        assertSame(rep.illegal, assertThrows(IllegalArgumentException.class, () -> stub.unchecked(1L)));
        assertSame(rep.error, assertThrows(StackOverflowError.class, stub::error));
        UnsupportedOperationException fromDefault = assertThrows(UnsupportedOperationException.class,
                stub::throwsFromDefault);
        assertSame(Risky.class.getName(), fromDefault.getStackTrace()[0].getClassName());
    }

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void stubMethodsDeclareTheInterfaceMethodsCheckedExceptions(RootKind kind) throws NoSuchMethodException {
        Class<?> stubClass = harness.stub(kind, Risky.class, new RiskyRep()).getClass();

        assertArrayEquals(new Class<?>[] {IOException.class},
                stubClass.getDeclaredMethod("checked").getExceptionTypes());
        assertArrayEquals(new Class<?>[] {IOException.class, TimeoutException.class},
                stubClass.getDeclaredMethod("checkedOfTwo", int.class).getExceptionTypes());
        assertArrayEquals(new Class<?>[0], stubClass.getDeclaredMethod("sneaky").getExceptionTypes());
    }
}
