package io.swapline.core.autonomic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.swapline.api.autonomic.SignalRange;
import io.swapline.api.autonomic.Signals;
import io.swapline.api.autonomic.Suitability;
import io.swapline.core.fixtures.Counter;
import io.swapline.core.fixtures.DistributedCounter;
import io.swapline.core.fixtures.SharedCounter;

/** The decision function with simulated signals and a fake clock (plain Instants). */
class PolicyDeciderTest {

    static final String SHARED = "shared";
    static final String DISTRIBUTED = "distributed";
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static AutonomicPolicy.Builder<Counter> counterPolicy() {
        return AutonomicPolicy.<Counter>builder()
                .candidate(SHARED, SharedCounter::new, Suitability.of(SignalRange.atMost("contention", 0.10)))
                .candidate(DISTRIBUTED, DistributedCounter::new, Suitability.of(SignalRange.atLeast("contention", 0.10)))
                .hysteresis(0.5)
                .minimumDwell(Duration.ofSeconds(10))
                .maximumSwaps(3, Duration.ofMinutes(1));
    }

    static Signals contention(double value) {
        return Signals.builder().put("contention", value).build();
    }

    @Test
    void holdsInsideTheServingRangeAndSwapsPastItsBoundPlusMargin() {
        AutonomicPolicy<Counter> policy = counterPolicy().build();

        PolicyDecision inside = PolicyDecider.decide(policy, SHARED, contention(0.05), T0, new SwapPacing());
        PolicyDecision past = PolicyDecider.decide(policy, SHARED, contention(0.30), T0, new SwapPacing());

        assertFalse(inside.isSwap(), inside.toString());
        assertTrue(inside.reason().contains("still suits"), inside.reason());
        assertEquals(DISTRIBUTED, past.target(), past.toString());
        assertEquals("rules leave and enter: shared no longer suits: contention=0.300 outside contention ≤ 0.100 by "
                + "more than the 50 % margin; distributed suits (contention ≥ 0.100, inside by the 50 % margin)",
                past.reason());
    }

    @Test
    void hysteresisHoldsEitherWayInsideTheGapAroundTheSharedBoundary() {
        AutonomicPolicy<Counter> policy = counterPolicy().build();
        // shared is left above 0.15, distributed below 0.05: every value in between holds both
        for (double value : new double[] {0.06, 0.10, 0.14, 0.15}) {
            assertFalse(PolicyDecider.decide(policy, SHARED, contention(value), T0, new SwapPacing()).isSwap(),
                    "shared at " + value);
        }
        for (double value : new double[] {0.05, 0.06, 0.10, 0.14}) {
            assertFalse(PolicyDecider.decide(policy, DISTRIBUTED, contention(value), T0, new SwapPacing()).isSwap(),
                    "distributed at " + value);
        }
        assertTrue(PolicyDecider.decide(policy, SHARED, contention(0.151), T0, new SwapPacing()).isSwap());
        assertEquals(SHARED, PolicyDecider.decide(policy, DISTRIBUTED, contention(0.049), T0, new SwapPacing()).target());
    }

    @Test
    void dwellHoldsUntilTheMinimumTimeAfterTheLastSwapHasPassed() {
        AutonomicPolicy<Counter> policy = counterPolicy().build();
        SwapPacing pacing = new SwapPacing();
        pacing.recordAttempt(T0);

        PolicyDecision early = PolicyDecider.decide(policy, DISTRIBUTED, contention(0), T0.plusSeconds(9), pacing);
        PolicyDecision due = PolicyDecider.decide(policy, DISTRIBUTED, contention(0), T0.plusSeconds(10), pacing);

        assertFalse(early.isSwap());
        assertTrue(early.reason().startsWith("rule dwell:"), early.reason());
        assertEquals(SHARED, due.target());
    }

    @Test
    void rateLimitHoldsWhileTheWindowHoldsTheMaximumNumberOfSwaps() {
        AutonomicPolicy<Counter> policy = counterPolicy().build();
        SwapPacing pacing = new SwapPacing();
        pacing.recordAttempt(T0);
        pacing.recordAttempt(T0.plusSeconds(10));
        pacing.recordAttempt(T0.plusSeconds(20));

        PolicyDecision limited = PolicyDecider.decide(policy, SHARED, contention(1), T0.plusSeconds(59), pacing);
        PolicyDecision later = PolicyDecider.decide(policy, SHARED, contention(1), T0.plusSeconds(61), pacing);

        assertFalse(limited.isSwap());
        assertTrue(limited.reason().startsWith("rule rate: "), limited.reason());
        assertTrue(limited.reason().contains("3 autonomic swaps in the last 60000 ms"), limited.reason());
        assertEquals(DISTRIBUTED, later.target(), "the first swap has left the window");
    }

    @Test
    void anUnauthorisedCandidateIsIgnoredAndTheNextOneThatFitsIsChosen() {
        Set<String> authorised = Set.of(SHARED, "cells");
        AutonomicPolicy<Counter> policy = counterPolicy()
                .candidate("cells", DistributedCounter::new, Suitability.of(SignalRange.atLeast("contention", 0.2)))
                .authorised(authorised::contains)
                .build();

        PolicyDecision decision = PolicyDecider.decide(policy, SHARED, contention(0.5), T0, new SwapPacing());
        PolicyDecision none = PolicyDecider.decide(policy, SHARED, contention(0.2), T0, new SwapPacing());

        assertEquals("cells", decision.target());
        assertFalse(none.isSwap(), "0.2 is not inside cells' range by the margin");
        assertTrue(none.reason().contains("distributed is not authorised"), none.reason());
        assertTrue(none.reason().contains("cells: contention=0.200 outside contention ≥ 0.200 with the margin"),
                none.reason());
    }

    @Test
    void anAbsentSignalOrAnUnknownImplementationNeverSwaps() {
        AutonomicPolicy<Counter> policy = counterPolicy().build();

        PolicyDecision noSignal = PolicyDecider.decide(policy, SHARED, Signals.NONE, T0, new SwapPacing());
        PolicyDecision stranger = PolicyDecider.decide(policy, "v2", contention(1), T0, new SwapPacing());

        assertNull(noSignal.target());
        assertEquals("rule leave: shared did not report contention", noSignal.reason());
        assertNull(stranger.target());
        assertEquals("rule known: v2 is not one of the policy's candidates", stranger.reason());
    }

    @Test
    void anOscillatingSignalSwapsNoMoreThanDwellAndRateAllow() {
        AutonomicPolicy<Counter> policy = counterPolicy().build(); // dwell 10 s, 3 per minute
        SwapPacing pacing = new SwapPacing();
        String serving = SHARED;
        int swaps = 0;
        for (int second = 0; second < 600; second++) { // 10 minutes, a sample per second
            double value = second % 2 == 0 ? 0.9 : 0.0; // swings across the whole gap every sample
            Instant now = T0.plusSeconds(second);
            PolicyDecision decision = PolicyDecider.decide(policy, serving, contention(value), now, pacing);
            if (decision.isSwap()) {
                pacing.recordAttempt(now);
                serving = decision.target();
                swaps++;
            }
        }
        assertTrue(swaps <= 3 * 10, "at most 3 per minute over 10 minutes, was " + swaps);
        assertTrue(swaps <= 600 / 10 + 1, "at most one per dwell, was " + swaps);
        assertTrue(swaps > 0, "the signal does cross the gap");
    }

    @Test
    void aSignalWanderingInsideTheGapNeverSwaps() {
        AutonomicPolicy<Counter> policy = counterPolicy().minimumDwell(Duration.ZERO).maximumSwaps(1000, Duration.ofMinutes(1)).build();
        SwapPacing pacing = new SwapPacing();
        int swaps = 0;
        String serving = SHARED;
        for (int second = 0; second < 600; second++) {
            double value = 0.05 + 0.1 * ((second * 7919) % 101) / 100.0; // 0.05..0.15, jittering
            PolicyDecision decision = PolicyDecider.decide(policy, serving, contention(value), T0.plusSeconds(second), pacing);
            if (decision.isSwap()) {
                serving = decision.target();
                swaps++;
            }
        }
        assertEquals(0, swaps);
    }
}
