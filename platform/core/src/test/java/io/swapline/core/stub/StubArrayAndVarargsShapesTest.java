package io.swapline.core.stub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.swapline.api.RootKind;

/**
 * Guards arrays (primitive, object, multi-dimensional) and varargs through the stub: the same
 * array instances reach the Rep and come back, and a varargs interface method stays varargs on
 * the stub class, so reflective and source-level callers see the same shape.
 */
class StubArrayAndVarargsShapesTest {

    public interface ArrayShapes {
        int[] reverse(int[] values);

        long sum(long[] values);

        double[][] transpose(double[][] matrix);

        String[] upper(String[] words);

        Object[][][] same(Object[][][] cube);

        boolean[] flip(boolean[] bits);

        char[][] chars(String first, String second);

        byte[] identity(byte[] bytes);
    }

    static final class ArrayShapesRep implements ArrayShapes {
        @Override
        public int[] reverse(int[] values) {
            int[] result = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                result[values.length - 1 - i] = values[i];
            }
            return result;
        }

        @Override
        public long sum(long[] values) {
            long sum = 0;
            for (long value : values) {
                sum += value;
            }
            return sum;
        }

        @Override
        public double[][] transpose(double[][] matrix) {
            double[][] result = new double[matrix[0].length][matrix.length];
            for (int i = 0; i < matrix.length; i++) {
                for (int j = 0; j < matrix[i].length; j++) {
                    result[j][i] = matrix[i][j];
                }
            }
            return result;
        }

        @Override
        public String[] upper(String[] words) {
            String[] result = new String[words.length];
            for (int i = 0; i < words.length; i++) {
                result[i] = words[i].toUpperCase();
            }
            return result;
        }

        @Override
        public Object[][][] same(Object[][][] cube) {
            return cube;
        }

        @Override
        public boolean[] flip(boolean[] bits) {
            for (int i = 0; i < bits.length; i++) {
                bits[i] = !bits[i];
            }
            return bits;
        }

        @Override
        public char[][] chars(String first, String second) {
            return new char[][] {first.toCharArray(), second.toCharArray()};
        }

        @Override
        public byte[] identity(byte[] bytes) {
            return bytes;
        }
    }

    public interface VarargShapes {
        int count(String... parts);

        String join(String separator, Object... parts);

        long sum(int first, long... rest);

        int[][] gather(int[]... rows);

        double wideBefore(long a, double b, double... rest);
    }

    static final class VarargShapesRep implements VarargShapes {
        @Override
        public int count(String... parts) {
            return parts == null ? -1 : parts.length;
        }

        @Override
        public String join(String separator, Object... parts) {
            StringBuilder result = new StringBuilder();
            for (Object part : parts) {
                result.append(result.length() == 0 ? "" : separator).append(part);
            }
            return result.toString();
        }

        @Override
        public long sum(int first, long... rest) {
            long sum = first;
            for (long value : rest) {
                sum += value;
            }
            return sum;
        }

        @Override
        public int[][] gather(int[]... rows) {
            return rows;
        }

        @Override
        public double wideBefore(long a, double b, double... rest) {
            double sum = a + b;
            for (double value : rest) {
                sum += value;
            }
            return sum;
        }
    }

    private final StubHarness harness = new StubHarness();

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void primitiveAndObjectArraysPassThroughTheStub(RootKind kind) {
        ArrayShapes stub = harness.stub(kind, ArrayShapes.class, new ArrayShapesRep());

        assertArrayEquals(new int[] {3, 2, 1}, stub.reverse(new int[] {1, 2, 3}));
        assertEquals(Long.MAX_VALUE, stub.sum(new long[] {Long.MAX_VALUE - 3, 1, 2}));
        assertArrayEquals(new String[] {"A", "B"}, stub.upper(new String[] {"a", "b"}));
        boolean[] bits = {true, false};
        assertSame(bits, stub.flip(bits));
        assertArrayEquals(new boolean[] {false, true}, bits);
        byte[] bytes = {1, 2};
        assertSame(bytes, stub.identity(bytes));
        assertNull(stub.identity(null));
    }

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void multiDimensionalArraysPassThroughTheStub(RootKind kind) {
        ArrayShapes stub = harness.stub(kind, ArrayShapes.class, new ArrayShapesRep());

        double[][] transposed = stub.transpose(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new double[][] {{1, 4}, {2, 5}, {3, 6}}, transposed);
        Object[][][] cube = {{{"x"}}, {{1, 2}, {}}};
        assertSame(cube, stub.same(cube));
        assertArrayEquals(new char[][] {{'h', 'i'}, {'y', 'o'}}, stub.chars("hi", "yo"));
    }

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void varargsCallsPassTheirArraysThroughTheStub(RootKind kind) {
        VarargShapes stub = harness.stub(kind, VarargShapes.class, new VarargShapesRep());

        assertEquals(0, stub.count());
        assertEquals(3, stub.count("a", "b", "c"));
        assertEquals(2, stub.count(new String[] {"a", "b"}));
        assertEquals(-1, stub.count((String[]) null));
        assertEquals("1-x-2.5", stub.join("-", 1, "x", 2.5));
        assertEquals(6L + Integer.MAX_VALUE, stub.sum(Integer.MAX_VALUE, 1L, 2L, 3L));
        int[][] rows = {{1}, {2, 3}};
        assertSame(rows, stub.gather(rows));
        assertEquals(10.5, stub.wideBefore(1L, 2.5, 3.0, 4.0));
    }

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void stubMethodsOfVarargsInterfaceMethodsAreVarargs(RootKind kind) throws NoSuchMethodException {
        Class<?> stubClass = harness.stub(kind, VarargShapes.class, new VarargShapesRep()).getClass();

        for (Method method : VarargShapes.class.getMethods()) {
            Method onStub = stubClass.getMethod(method.getName(), method.getParameterTypes());
            assertSame(stubClass, onStub.getDeclaringClass(), method + " is not implemented by the stub class");
            assertTrue(onStub.isVarArgs(), onStub + " is not varargs");
        }
        assertEquals(false, stubClass.getMethod("count", String[].class).isBridge());
    }

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void stubMethodsOfNonVarargsArrayMethodsAreNotVarargs(RootKind kind) throws NoSuchMethodException {
        Class<?> stubClass = harness.stub(kind, ArrayShapes.class, new ArrayShapesRep()).getClass();

        for (Method method : ArrayShapes.class.getMethods()) {
            Method onStub = stubClass.getMethod(method.getName(), method.getParameterTypes());
            assertSame(stubClass, onStub.getDeclaringClass());
            assertEquals(false, onStub.isVarArgs(), onStub + " is varargs");
        }
    }
}
