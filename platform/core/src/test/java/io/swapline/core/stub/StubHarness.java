package io.swapline.core.stub;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.swapline.api.ClusteredObject;
import io.swapline.api.RootKind;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.core.table.ProcessorSlots;

/**
 * Creates clustered objects for stub tests: one runtime per test, every object named uniquely.
 */
final class StubHarness {

    private static final AtomicInteger NAMES = new AtomicInteger();

    final ClusteredObjectRuntime runtime = new ClusteredObjectRuntime(4);

    /** The stub of a new object of the given kind whose every Rep is {@code rep}. */
    <T> T stub(RootKind kind, Class<T> type, T rep) {
        return object(kind, type, () -> rep).stub();
    }

    /** A new object of the given kind whose Reps come from {@code reps}. */
    <T> ClusteredObject<T> object(RootKind kind, Class<T> type, Supplier<? extends T> reps) {
        String name = kind.name().toLowerCase(Locale.ROOT) + "-" + type.getSimpleName() + "-" + NAMES.incrementAndGet();
        return runtime.create(name, type, kind, index -> reps.get());
    }
}
