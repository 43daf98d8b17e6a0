package io.swapline.core.swap;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import io.swapline.api.SwapPhase;

/** Measures the time a swap spends in each phase. Used by the swap's driver thread only. */
final class PhaseClock {

    private final Map<SwapPhase, Duration> times = new EnumMap<>(SwapPhase.class);
    private SwapPhase current;
    private long since;

    void enter(SwapPhase phase) {
        stop();
        current = phase;
        since = System.nanoTime();
    }

    Map<SwapPhase, Duration> stop() {
        if (current != null) {
            times.merge(current, Duration.ofNanos(System.nanoTime() - since), Duration::plus);
            current = null;
        }
        return times;
    }
}
