package io.swapline.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.swapline.api.Root;
import io.swapline.api.RootKind;
import io.swapline.api.TransferProtocol;
import io.swapline.core.transfer.ProtocolNegotiation;
import io.swapline.testing.fixtures.ClusteredTally;
import io.swapline.testing.fixtures.DistributedTally;
import io.swapline.testing.fixtures.SharedTally;
import io.swapline.testing.fixtures.Tally;

/** The tester plans its forced protocols with the runtime's negotiation, not a rule of its own. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProtocolPlanTest {

    /**
     * Regression guard: the test kit's own copy of the rule planned a per-Rep protocol between a
     * ClusteredRoot and a root that only says CLUSTERED, whose Reps may serve other slots.
     */
    @Test
    void noPerRepProtocolIsPlannedToOrFromAClusteredRootThatCannotSayItsClusterSize() {
        Root<Tally> sized = ClusteredTally.movingCells(2);
        Root<Tally> opaque = new OpaqueClusteredTally();

        assertEquals(Optional.empty(), ProtocolPlan.match(sized, opaque, Tally.CELLS.bit()));
        assertEquals(Optional.empty(), ProtocolPlan.match(opaque, sized, Tally.CELLS.bit()));
        assertEquals(Optional.empty(), ProtocolPlan.match(opaque, new OpaqueClusteredTally(), Tally.CELLS.bit()));
        assertTrue(ProtocolPlan.match(sized, opaque, Tally.TOTAL.bit()).isPresent());
        assertEquals(List.of(Tally.TOTAL), ProtocolPlan.protocolsOfRotation(List.of(sized, opaque)));
    }

    /**
     * For every pair of root kinds the tester can wrap and every protocol: the plan forces P on a
     * step exactly when the runtime, given the two wrappers advertising only P, negotiates P.
     */
    @Test
    void thePlanForcesAProtocolExactlyWhenTheRuntimeWouldChooseItBetweenTheWrappers() {
        List<Supplier<Root<Tally>>> kinds = List.of(SharedTally::new, DistributedTally::new,
                () -> ClusteredTally.movingCells(2), () -> ClusteredTally.movingCells(4));
        int forced = 0;
        for (Supplier<Root<Tally>> fromKind : kinds) {
            for (Supplier<Root<Tally>> toKind : kinds) {
                for (TransferProtocol<?> protocol : List.of(Tally.TOTAL, Tally.CELLS)) {
                    RootUnderTest<Tally> from = RootUnderTest.wrap("from", fromKind.get(), null, new Findings());
                    RootUnderTest<Tally> to = RootUnderTest.wrap("to", toKind.get(), null, new Findings());
                    Optional<ProtocolPlan.Match> match = ProtocolPlan.match(from.implementation(), to.implementation(),
                            protocol.bit());
                    // as forced, or, where the plan says no, each side's own declaration of that bit (if any)
                    from.prepareToExport(match.map(ProtocolPlan.Match::exported)
                            .orElse(withBit(from.implementation().exportProtocols(), protocol.bit(), NOTHING_OUT)), null);
                    to.prepareToImport(match.map(ProtocolPlan.Match::imported)
                            .orElse(withBit(to.implementation().importProtocols(), protocol.bit(), NOTHING_IN)), null);

                    String chosen = ProtocolNegotiation.negotiate(from.root(), to.root()).protocolName();

                    String step = from.implementation().getClass().getSimpleName() + " -> "
                            + to.implementation().getClass().getSimpleName() + " through " + protocol.name();
                    assertEquals(match.isPresent(), chosen.equals(protocol.name()), step + ": runtime chose " + chosen);
                    forced += match.isPresent() ? 1 : 0;
                }
            }
        }
        // TOTAL on all 16 pairs (the shared tally declares no cells); CELLS on the 3 same-layout pairs
        // among the other kinds: distributed/distributed and each clustered size with itself.
        assertEquals(16 + 3, forced);
    }

    /** Advertised by a side that declares nothing with the bit under test: no other side has these bits. */
    private static final TransferProtocol<Void> NOTHING_OUT = TransferProtocol.define("nothing out", 62, Void.class);
    private static final TransferProtocol<Void> NOTHING_IN = TransferProtocol.define("nothing in", 61, Void.class);

    private static TransferProtocol<?> withBit(Set<TransferProtocol<?>> declared, int bit, TransferProtocol<?> none) {
        return declared.stream().filter(protocol -> protocol.bit() == bit).findFirst().orElse(none);
    }

    /** A tally root that says CLUSTERED but is no ClusteredRoot (a wrapper, say): its cluster size is unknown. */
    private static final class OpaqueClusteredTally extends Root<Tally> {
        @Override
        protected Tally newRep(int repIndex) {
            throw new UnsupportedOperationException("never called");
        }

        @Override
        protected int repIndexOf(int slot) {
            return slot / 2;
        }

        @Override
        protected int repCountFor(int slots) {
            return (slots + 1) / 2;
        }

        @Override
        public RootKind kind() {
            return RootKind.CLUSTERED;
        }

        @Override
        public Set<TransferProtocol<?>> exportProtocols() {
            return Set.of(Tally.TOTAL, Tally.CELLS);
        }

        @Override
        public Set<TransferProtocol<?>> importProtocols() {
            return Set.of(Tally.TOTAL, Tally.CELLS);
        }
    }
}
