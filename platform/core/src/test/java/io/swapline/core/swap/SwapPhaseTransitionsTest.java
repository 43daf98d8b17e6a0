package io.swapline.core.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.swapline.api.SwapPhase;

/** The transition table of {@link SwapPhase}, checked over every pair against the seed's order. */
class SwapPhaseTransitionsTest {

    private static final Map<SwapPhase, Set<SwapPhase>> ALLOWED = Map.of(
            SwapPhase.PREPARE, EnumSet.of(SwapPhase.FORWARD, SwapPhase.REFUSED),
            SwapPhase.FORWARD, EnumSet.of(SwapPhase.BLOCK, SwapPhase.ROLLED_BACK),
            SwapPhase.BLOCK, EnumSet.of(SwapPhase.TRANSFER, SwapPhase.ROLLED_BACK),
            SwapPhase.TRANSFER, EnumSet.of(SwapPhase.COMPLETE, SwapPhase.ROLLED_BACK),
            SwapPhase.COMPLETE, EnumSet.noneOf(SwapPhase.class),
            SwapPhase.REFUSED, EnumSet.noneOf(SwapPhase.class),
            SwapPhase.ROLLED_BACK, EnumSet.noneOf(SwapPhase.class));

    @Test
    void everyPairIsAllowedExactlyWhenTheTableSaysSo() {
        int checked = 0;
        for (SwapPhase from : SwapPhase.values()) {
            for (SwapPhase to : SwapPhase.values()) {
                assertEquals(ALLOWED.get(from).contains(to), from.canMoveTo(to), from + " -> " + to);
                checked++;
            }
        }
        assertEquals(SwapPhase.values().length * SwapPhase.values().length, checked);
    }

    @Test
    void exactlyTheOutcomesAreTerminal() {
        for (SwapPhase phase : SwapPhase.values()) {
            assertEquals(ALLOWED.get(phase).isEmpty(), phase.isTerminal(), phase.name());
        }
    }
}
