package io.swapline.benchmarks.autonomic;

import java.util.function.Supplier;

import io.swapline.api.ClusteredObject;
import io.swapline.api.Root;
import io.swapline.core.ClusteredObjectRuntime;

/**
 * Warms the swap path at start-up: a throwaway object of the interface swaps once each way
 * between two implementations and is destroyed, so that the first swap that matters does not
 * pay for loading and initialising the swap code (ASM, the glue class generator, method handle
 * forms), which in a fresh JVM makes it several times slower.
 */
final class SwapPathWarmUp {

    private SwapPathWarmUp() {
    }

    /**
     * Swaps a throwaway object from {@code first} to {@code second} and back, then destroys it.
     *
     * @param runtime the runtime
     * @param type the interface
     * @param first makes the implementation it starts and ends with
     * @param second makes the other one
     * @param <T> the interface
     */
    static <T> void swapBothWays(ClusteredObjectRuntime runtime, Class<T> type, Supplier<? extends Root<? extends T>> first,
            Supplier<? extends Root<? extends T>> second) {
        ClusteredObject<T> object = runtime.create("swap-path-warm-up", type, first.get());
        runtime.swap(object, second.get());
        runtime.swap(object, first.get());
        runtime.destroy(object);
    }
}
