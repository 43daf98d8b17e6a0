package io.swapline.osgi.implementations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Echoed input on one line and at most 80 characters, saying how long it was. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class EchoTest {

    @Test
    void shortInputIsUnchanged() {
        assertEquals("counter", Echo.input("counter"));
        assertEquals("x".repeat(80), Echo.input("x".repeat(80)));
    }

    @Test
    void longInputIsCutAndSaysItsLength() {
        assertEquals("y".repeat(80) + "… (100000 characters)", Echo.input("y".repeat(100_000)));
        assertEquals("z".repeat(80) + "… (81 characters)", Echo.input("z".repeat(81)));
    }

    @Test
    void lineBreaksAndControlCharactersBecomeEscapes() {
        assertEquals("a\\nb\\r\\tc\\u0007", Echo.input("a\nb\r\tc\u0007"));
    }

    @Test
    void aSurrogatePairIsNotSplit() {
        String input = "a".repeat(79) + "\uD83D\uDE00" + "b";

        assertEquals("a".repeat(79) + "… (82 characters)", Echo.input(input));
    }

    @Test
    void nullAndExceptions() {
        assertEquals("null", Echo.input(null));
        assertEquals("java.lang.IllegalStateException: bad\\nthing", Echo.exception(new IllegalStateException("bad\nthing")));
        assertEquals("java.lang.IllegalStateException", Echo.exception(new IllegalStateException()));
    }
}
