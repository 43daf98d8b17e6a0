package io.swapline.core.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.swapline.api.RootKind;

/**
 * Guards generic methods and generic interfaces (the stub implements the erased descriptors)
 * and covariant overrides in subinterfaces, for which javac leaves a bridge in the
 * subinterface: a call through a reference typed as the superinterface (the old descriptor)
 * and one typed as the subinterface (the new descriptor) must both reach the Rep.
 */
class StubGenericAndBridgeShapesTest {

    public interface GenericMethods {
        <T> T identity(T value);

        <T extends Comparable<? super T>> T max(List<? extends T> items);

        <K, V> Map<V, K> invert(Map<K, V> map);
    }

    static final class GenericMethodsRep implements GenericMethods {
        @Override
        public <T> T identity(T value) {
            return value;
        }

        @Override
        public <T extends Comparable<? super T>> T max(List<? extends T> items) {
            T max = items.get(0);
            for (T item : items) {
                max = item.compareTo(max) > 0 ? item : max;
            }
            return max;
        }

        @Override
        public <K, V> Map<V, K> invert(Map<K, V> map) {
            Map<V, K> result = new TreeMap<>();
            map.forEach((k, v) -> result.put(v, k));
            return result;
        }
    }

    public interface Box<T> {
        T get();

        void set(T value);
    }

    public interface NumberBox<N extends Number> extends Box<N> {
        N biggest(N a, N b);

        <R> R combine(BiFunction<? super N, ? super N, R> function, N other);
    }

    static final class IntegerBox implements NumberBox<Integer> {
        Integer value;

        @Override
        public Integer get() {
            return value;
        }

        @Override
        public void set(Integer value) {
            this.value = value;
        }

        @Override
        public Integer biggest(Integer a, Integer b) {
            return Math.max(a, b);
        }

        @Override
        public <R> R combine(BiFunction<? super Integer, ? super Integer, R> function, Integer other) {
            return function.apply(value, other);
        }
    }

    public interface Source {
        Object get();
    }

    /** Covariant return: javac adds a bridge {@code Object get()} to this interface. */
    public interface StringSource extends Source {
        @Override
        String get();
    }

    public interface Sink<T> {
        T put(T value);
    }

    /** Covariant through a type argument: the bridge is {@code Object put(Object)}. */
    public interface StringSink extends Sink<String> {
        @Override
        String put(String value);
    }

    static final class Both implements StringSource, StringSink {
        @Override
        public String get() {
            return "got";
        }

        @Override
        public String put(String value) {
            return "put " + value;
        }
    }

    private final StubHarness harness = new StubHarness();

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void genericMethodsWorkThroughTheirErasure(RootKind kind) {
        GenericMethods stub = harness.stub(kind, GenericMethods.class, new GenericMethodsRep());

        Object value = new Object();
        assertSame(value, stub.identity(value));
        String text = stub.identity("text");
        assertEquals("text", text);
        assertEquals("pear", stub.max(List.of("apple", "pear", "fig")));
        assertEquals(Map.of("one", 1, "two", 2), stub.invert(Map.of(1, "one", 2, "two")));
    }

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void genericInterfacesWorkThroughTheirErasure(RootKind kind) throws NoSuchMethodException {
        @SuppressWarnings("unchecked")
        NumberBox<Integer> stub = harness.stub(kind, NumberBox.class, new IntegerBox());

        stub.set(41);
        assertEquals(41, stub.get());
        assertEquals(7, stub.biggest(3, 7));
        assertEquals("41+1", stub.combine((a, b) -> a + "+" + b, 1));

        Class<?> stubClass = stub.getClass();
        assertSame(Object.class, stubClass.getMethod("get").getReturnType());
        assertSame(stubClass, stubClass.getMethod("set", Object.class).getDeclaringClass());
        assertSame(Number.class, stubClass.getMethod("biggest", Number.class, Number.class).getReturnType());
    }

    @ParameterizedTest
    @EnumSource(RootKind.class)
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aWronglyTypedArgumentThroughTheErasedMethodFailsInTheRepNotInTheStub(RootKind kind) {
        Box raw = harness.stub(kind, NumberBox.class, new IntegerBox());

        ClassCastException thrown = assertThrows(ClassCastException.class, () -> raw.set("not an integer"));
        // the cast is the Rep's bridge method's: the stub forwards the erased call untouched
        assertEquals(IntegerBox.class.getName(), thrown.getStackTrace()[0].getClassName());
    }

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void covariantOverrideIsCallableThroughTheSuperAndTheSubinterface(RootKind kind) {
        StringSource stub = harness.stub(kind, StringSource.class, new Both());
        Source viaSuper = stub;

        assertEquals("got", stub.get());
        assertEquals("got", viaSuper.get());
    }

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void covariantOverrideThroughATypeArgumentIsCallableThroughBothInterfaces(RootKind kind) {
        StringSink stub = harness.stub(kind, StringSink.class, new Both());
        Sink<String> viaSuper = stub;

        assertEquals("put a", stub.put("a"));
        assertEquals("put b", viaSuper.put("b"));
    }

    @Test
    void stubClassImplementsBothDescriptorsOfACovariantOverride() {
        Class<?> stubClass = harness.stub(RootKind.SHARED, StringSource.class, new Both()).getClass();

        List<Class<?>> returnTypes = Arrays.stream(stubClass.getDeclaredMethods())
                .filter(m -> m.getName().equals("get"))
                .<Class<?>>map(Method::getReturnType)
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .toList();
        assertEquals(List.of(Object.class, String.class), returnTypes);
    }
}
