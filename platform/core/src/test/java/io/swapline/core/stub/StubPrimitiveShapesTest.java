package io.swapline.core.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.swapline.api.RootKind;

/**
 * Guards the stub's handling of every primitive type as parameter and return value, and of
 * long/double parameters (two local slots each) mixed with one-slot ones: a wrong local index
 * or load opcode in the generated code shows as a wrong value here.
 */
class StubPrimitiveShapesTest {

    public interface Primitives {
        boolean not(boolean b);

        byte negate(byte b);

        char next(char c);

        short twice(short s);

        int add(int a, int b);

        long addLong(long a, long b);

        float half(float f);

        double scale(double d, double by);

        void record(int value);

        void nothing();

        /** Every kind of slot, with wide ones between narrow ones. */
        String describe(boolean z, long j, byte b, double d, char c, float f, short s, int i, Object o);

        double mixWide(int a, long b, float c, double d, long e, int f);

        long mixLongs(long a, int b, long c, double d, int e);
    }

    static final class PrimitivesRep implements Primitives {
        int recorded;
        int nothingCalls;

        @Override
        public boolean not(boolean b) {
            return !b;
        }

        @Override
        public byte negate(byte b) {
            return (byte) -b;
        }

        @Override
        public char next(char c) {
            return (char) (c + 1);
        }

        @Override
        public short twice(short s) {
            return (short) (s * 2);
        }

        @Override
        public int add(int a, int b) {
            return a + b;
        }

        @Override
        public long addLong(long a, long b) {
            return a + b;
        }

        @Override
        public float half(float f) {
            return f / 2;
        }

        @Override
        public double scale(double d, double by) {
            return d * by;
        }

        @Override
        public void record(int value) {
            recorded = value;
        }

        @Override
        public void nothing() {
            nothingCalls++;
        }

        @Override
        public String describe(boolean z, long j, byte b, double d, char c, float f, short s, int i, Object o) {
            return z + "|" + j + "|" + b + "|" + d + "|" + c + "|" + f + "|" + s + "|" + i + "|" + o;
        }

        @Override
        public double mixWide(int a, long b, float c, double d, long e, int f) {
            return a + 10.0 * b + 100.0 * c + 1000.0 * d + 10000.0 * e + 100000.0 * f;
        }

        @Override
        public long mixLongs(long a, int b, long c, double d, int e) {
            return a * 31 + b * 17 + c * 7 + (long) d * 3 + e;
        }
    }

    private final StubHarness harness = new StubHarness();

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void eachPrimitiveTypeRoundTripsThroughTheStub(RootKind kind) {
        Primitives stub = harness.stub(kind, Primitives.class, new PrimitivesRep());

        assertFalse(stub.not(true));
        assertTrue(stub.not(false));
        assertEquals((byte) 127, stub.negate((byte) -127));
        assertEquals((byte) -128, stub.negate(Byte.MIN_VALUE)); // overflow wraps the same way
        assertEquals('b', stub.next('a'));
        assertEquals(Character.MIN_VALUE, stub.next(Character.MAX_VALUE));
        assertEquals((short) -4, stub.twice((short) -2));
        assertEquals((short) -2, stub.twice(Short.MAX_VALUE));
        assertEquals(Integer.MIN_VALUE, stub.add(Integer.MAX_VALUE, 1));
        assertEquals(Long.MIN_VALUE, stub.addLong(Long.MAX_VALUE, 1L));
        assertEquals(0x1_0000_0000L, stub.addLong(0xFFFF_FFFFL, 1L)); // high word survives
        assertEquals(1.25f, stub.half(2.5f));
        assertEquals(Float.MIN_VALUE / 2, stub.half(Float.MIN_VALUE));
        assertEquals(-0.0, stub.scale(0.0, -1.0));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(stub.scale(0.0, -1.0)));
        assertTrue(Double.isNaN(stub.scale(Double.NaN, 2.0)));
        assertEquals(Double.MAX_VALUE, stub.scale(Double.MAX_VALUE, 1.0));
    }

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void voidMethodsReachTheRepAndReturnNothing(RootKind kind) {
        PrimitivesRep rep = new PrimitivesRep();
        Primitives stub = harness.stub(kind, Primitives.class, rep);

        stub.record(42);
        stub.nothing();
        stub.nothing();

        assertEquals(42, rep.recorded);
        assertEquals(2, rep.nothingCalls);
    }

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void wideAndNarrowParametersMixedKeepTheirSlots(RootKind kind) {
        PrimitivesRep direct = new PrimitivesRep();
        Primitives stub = harness.stub(kind, Primitives.class, new PrimitivesRep());
        Object marker = new Object() {
            @Override
            public String toString() {
                return "marker";
            }
        };

        assertEquals(direct.describe(true, Long.MIN_VALUE, (byte) -1, -2.5, 'z', 3.5f, (short) -7, Integer.MAX_VALUE, marker),
                stub.describe(true, Long.MIN_VALUE, (byte) -1, -2.5, 'z', 3.5f, (short) -7, Integer.MAX_VALUE, marker));
        assertEquals("true|-9223372036854775808|-1|-2.5|z|3.5|-7|2147483647|marker",
                stub.describe(true, Long.MIN_VALUE, (byte) -1, -2.5, 'z', 3.5f, (short) -7, Integer.MAX_VALUE, marker));
        assertEquals(direct.mixWide(1, 2L, 3f, 4.0, 5L, 6), stub.mixWide(1, 2L, 3f, 4.0, 5L, 6));
        assertEquals(654321.0, stub.mixWide(1, 2L, 3f, 4.0, 5L, 6));
        assertEquals(direct.mixLongs(1L << 40, -3, -(1L << 50), 9.9, 11),
                stub.mixLongs(1L << 40, -3, -(1L << 50), 9.9, 11));
    }
}
