package io.swapline.core.transfer;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.swapline.api.ClusteredRoot;
import io.swapline.api.DistributedRoot;
import io.swapline.api.Root;
import io.swapline.api.RootKind;
import io.swapline.api.SharedRoot;
import io.swapline.api.TransferProtocol;

/**
 * The negotiation rule, one test per clause of {@link ProtocolNegotiation}'s Javadoc: the most
 * significant common bit wins; disagreeing protocols are skipped with the reason; a per-Rep
 * protocol only between equal Rep layouts; a stateless old side needs nothing; no common protocol
 * is a refusal that says why.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProtocolNegotiationTest {

    private static final TransferProtocol<Long> WHOLE = TransferProtocol.define("whole", 1, Long.class);
    private static final TransferProtocol<Long> PER_REP = TransferProtocol.definePerRep("per-rep", 6, Long.class);
    private static final Set<TransferProtocol<?>> BOTH = Set.of(WHOLE, PER_REP);

    // --- most significant bit wins ---

    @Test
    void theMostSignificantBitBothSidesDeclareWins() {
        TransferProtocol<Long> low = TransferProtocol.define("low", 2, Long.class);
        TransferProtocol<Long> middle = TransferProtocol.define("middle", 7, Long.class);
        TransferProtocol<Long> exportOnly = TransferProtocol.define("export-only", 30, Long.class);
        TransferProtocol<Long> importOnly = TransferProtocol.define("import-only", 40, Long.class);
        Root<Object> from = new Declared(RootKind.SHARED, Set.of(low, middle, exportOnly), Set.of());
        Root<Object> to = new Declared(RootKind.SHARED, Set.of(), Set.of(low, middle, importOnly));

        ProtocolNegotiation.Result result = ProtocolNegotiation.negotiate(from, to);

        assertSame(middle, result.export());
        assertSame(middle, result.importing());
        assertFalse(result.refused());
        assertEquals(List.of(7, 2), ProtocolNegotiation.candidates(from, to).stream()
                .map(ProtocolNegotiation.Candidate::bit).toList(), "common bits only, most significant first");
    }

    @Test
    void bit63IsTheMostSignificantOfAll() {
        TransferProtocol<Long> top = TransferProtocol.define("top", TransferProtocol.MAX_BIT, Long.class);
        TransferProtocol<Long> zero = TransferProtocol.define("zero", 0, Long.class);
        Root<Object> root = new Declared(RootKind.SHARED, Set.of(zero, top), Set.of(zero, top));
        Root<Object> other = new Declared(RootKind.SHARED, Set.of(zero, top), Set.of(zero, top));

        assertEquals("top", ProtocolNegotiation.negotiate(root, other).protocolName());
    }

    // --- disagreeing protocols are skipped, with the reason ---

    @Test
    void aBitWhoseProtocolsDisagreeIsSkippedForTheNextOneWithTheReason() {
        TransferProtocol<Long> mine = TransferProtocol.define("state", 9, Long.class);
        TransferProtocol<String> otherType = TransferProtocol.define("state", 9, String.class);
        Root<Object> from = new Declared(RootKind.SHARED, Set.of(mine, WHOLE), Set.of());
        Root<Object> to = new Declared(RootKind.SHARED, Set.of(), Set.of(otherType, WHOLE));

        assertEquals("whole", ProtocolNegotiation.negotiate(from, to).protocolName());
        ProtocolNegotiation.Candidate skipped = ProtocolNegotiation.candidates(from, to).get(0);
        assertEquals(9, skipped.bit());
        assertFalse(skipped.usable());
        assertTrue(skipped.unusable().contains("bit 9 is " + mine + " on one side and " + otherType + " on the other"),
                skipped.unusable());
    }

    @Test
    void protocolsDisagreeOnNameOnStateTypeAndOnScope() {
        TransferProtocol<Long> mine = TransferProtocol.define("state", 9, Long.class);
        for (TransferProtocol<?> other : List.of(TransferProtocol.define("another name", 9, Long.class),
                TransferProtocol.define("state", 9, Integer.class), TransferProtocol.definePerRep("state", 9, Long.class))) {
            Root<Object> from = new Declared(RootKind.SHARED, Set.of(mine), Set.of());
            Root<Object> to = new Declared(RootKind.SHARED, Set.of(), Set.of(other));

            ProtocolNegotiation.Result result = ProtocolNegotiation.negotiate(from, to);

            assertTrue(result.refused(), other::toString);
            assertTrue(result.refusal().contains("bit 9 is " + mine + " on one side and " + other + " on the other"),
                    result::refusal);
        }
    }

    // --- per Rep only between equal Rep layouts ---

    @Test
    void perRepBetweenTwoSharedRoots() {
        assertEquals("per-rep", ProtocolNegotiation.negotiate(shared(), shared()).protocolName());
    }

    @Test
    void perRepBetweenTwoDistributedRoots() {
        assertEquals("per-rep", ProtocolNegotiation.negotiate(distributed(), distributed()).protocolName());
    }

    @Test
    void perRepBetweenClusteredRootsWithTheSameClusterSize() {
        assertEquals("per-rep", ProtocolNegotiation.negotiate(clustered(2), clustered(2)).protocolName());
    }

    @Test
    void clusteredRootsWithDifferentClusterSizesFallBackToTheWholeObject() {
        assertEquals("whole", ProtocolNegotiation.negotiate(clustered(2), clustered(4)).protocolName());
        assertTrue(perRepCandidate(clustered(2), clustered(4)).unusable().contains("clusters of 2 and 4 slots"));
    }

    @Test
    void rootsOfDifferentKindsFallBackToTheWholeObject() {
        List<Root<Object>> kinds = List.of(shared(), distributed(), clustered(2));
        for (Root<Object> from : kinds) {
            for (Root<Object> to : kinds) {
                if (from.kind() != to.kind()) {
                    assertEquals("whole", ProtocolNegotiation.negotiate(from, to).protocolName(),
                            from.kind() + " -> " + to.kind());
                    assertTrue(perRepCandidate(from, to).unusable()
                            .contains(from.kind() + " and " + to.kind() + " Reps do not match"));
                }
            }
        }
    }

    /** The rule the test kit's copy got wrong: "clustered" alone does not say which slots a Rep serves. */
    @Test
    void aRootThatSaysClusteredButIsNoClusteredRootNeverGetsAPerRepTransfer() {
        Root<Object> opaque = new Declared(RootKind.CLUSTERED, BOTH, BOTH);
        Root<Object> anotherOpaque = new Declared(RootKind.CLUSTERED, BOTH, BOTH);

        assertEquals("whole", ProtocolNegotiation.negotiate(clustered(2), opaque).protocolName());
        assertEquals("whole", ProtocolNegotiation.negotiate(opaque, clustered(2)).protocolName());
        assertEquals("whole", ProtocolNegotiation.negotiate(opaque, anotherOpaque).protocolName());
        assertTrue(perRepCandidate(opaque, clustered(2)).unusable().contains("cannot say its cluster size"));
    }

    @Test
    void rootsAttachedToDifferentSlotCountsFallBackToTheWholeObject() {
        Root<Object> eight = distributed();
        Root<Object> four = distributed();
        eight.attach(8);
        four.attach(4);
        Root<Object> alsoEight = distributed();
        alsoEight.attach(8);

        assertEquals("whole", ProtocolNegotiation.negotiate(eight, four).protocolName());
        assertTrue(perRepCandidate(eight, four).unusable().contains("attached to 8 and 4 slots"));
        assertEquals("per-rep", ProtocolNegotiation.negotiate(eight, alsoEight).protocolName());
        assertEquals("per-rep", ProtocolNegotiation.negotiate(eight, distributed()).protocolName(),
                "a root not attached yet is attached to the old root's slot count by the swap");
    }

    // --- stateless ---

    @Test
    void aStatelessOldImplementationNeedsNoProtocolEvenWithNoneInCommon() {
        Root<Object> stateless = new Declared(RootKind.SHARED, Set.of(), Set.of()) {
            @Override
            public boolean isStateless() {
                return true;
            }
        };

        ProtocolNegotiation.Result result = ProtocolNegotiation.negotiate(stateless, new Declared(RootKind.SHARED, Set.of(), Set.of(WHOLE)));

        assertNull(result.export());
        assertFalse(result.refused());
        assertEquals("none", result.protocolName());
    }

    @Test
    void aStatelessOldImplementationDeclaringProtocolsTransfersNothingAndSaysSoPerCandidate() {
        Root<Object> stateless = new Declared(RootKind.SHARED, BOTH, BOTH) {
            @Override
            public boolean isStateless() {
                return true;
            }
        };

        assertEquals("none", ProtocolNegotiation.negotiate(stateless, shared()).protocolName());
        List<ProtocolNegotiation.Candidate> candidates = ProtocolNegotiation.candidates(stateless, shared());
        assertEquals(2, candidates.size());
        assertTrue(candidates.stream().noneMatch(ProtocolNegotiation.Candidate::usable));
        assertTrue(candidates.get(0).unusable().contains("is stateless: nothing is transferred"));
    }

    @Test
    void aStatelessNewImplementationDoesNotLetAStatefulOldOneDropItsState() {
        Root<Object> statelessSuccessor = new Declared(RootKind.SHARED, Set.of(), Set.of()) {
            @Override
            public boolean isStateless() {
                return true;
            }
        };

        assertTrue(ProtocolNegotiation.negotiate(shared(), statelessSuccessor).refused());
    }

    // --- no common protocol ---

    @Test
    void noCommonProtocolIsARefusalNamingBothSidesAndTheirProtocols() {
        Root<Object> from = new Declared(RootKind.SHARED, Set.of(WHOLE), Set.of()) {
            @Override
            public String implementationName() {
                return "old counter";
            }
        };
        Root<Object> to = new Declared(RootKind.SHARED, Set.of(), Set.of()) {
            @Override
            public String implementationName() {
                return "new counter";
            }
        };

        ProtocolNegotiation.Result result = ProtocolNegotiation.negotiate(from, to);

        assertNull(result.export());
        assertNull(result.importing());
        assertEquals("old counter exports [" + WHOLE + "], new counter imports no protocol: no common transfer protocol",
                result.refusal());
        assertEquals(List.of(), ProtocolNegotiation.candidates(from, to));
    }

    @Test
    void aRefusalListsWhyEachCommonBitWasSkipped() {
        Root<Object> from = new Declared(RootKind.SHARED, Set.of(PER_REP), Set.of());
        Root<Object> to = new Declared(RootKind.DISTRIBUTED, Set.of(), Set.of(PER_REP));

        ProtocolNegotiation.Result result = ProtocolNegotiation.negotiate(from, to);

        assertTrue(result.refused());
        assertTrue(result.refusal().endsWith("no common transfer protocol (" + PER_REP
                + " is per Rep, but SHARED and DISTRIBUTED Reps do not match)"), result::refusal);
    }

    private static ProtocolNegotiation.Candidate perRepCandidate(Root<?> from, Root<?> to) {
        return ProtocolNegotiation.candidates(from, to).stream().filter(c -> c.bit() == PER_REP.bit()).findFirst()
                .orElseThrow();
    }

    private static Root<Object> shared() {
        return new SharedRoot<>() {
            @Override
            protected Object newRep(int repIndex) {
                return new Object();
            }

            @Override
            public Set<TransferProtocol<?>> exportProtocols() {
                return BOTH;
            }

            @Override
            public Set<TransferProtocol<?>> importProtocols() {
                return BOTH;
            }
        };
    }

    private static Root<Object> distributed() {
        return new DistributedRoot<>() {
            @Override
            protected Object newRep(int repIndex) {
                return new Object();
            }

            @Override
            public Set<TransferProtocol<?>> exportProtocols() {
                return BOTH;
            }

            @Override
            public Set<TransferProtocol<?>> importProtocols() {
                return BOTH;
            }
        };
    }

    private static Root<Object> clustered(int size) {
        return new ClusteredRoot<>(size) {
            @Override
            protected Object newRep(int repIndex) {
                return new Object();
            }

            @Override
            public Set<TransferProtocol<?>> exportProtocols() {
                return BOTH;
            }

            @Override
            public Set<TransferProtocol<?>> importProtocols() {
                return BOTH;
            }
        };
    }

    /**
     * A root of any kind with the given declarations that extends none of the standard roots — for
     * {@link RootKind#CLUSTERED}, a root that says clustered but cannot say its cluster size (a
     * wrapper, say).
     */
    private static class Declared extends Root<Object> {
        private final RootKind kind;
        private final Set<TransferProtocol<?>> exports;
        private final Set<TransferProtocol<?>> imports;

        Declared(RootKind kind, Set<TransferProtocol<?>> exports, Set<TransferProtocol<?>> imports) {
            this.kind = kind;
            this.exports = exports;
            this.imports = imports;
        }

        @Override
        protected Object newRep(int repIndex) {
            return new Object();
        }

        @Override
        protected int repIndexOf(int slot) {
            return kind == RootKind.SHARED ? 0 : slot / 2;
        }

        @Override
        protected int repCountFor(int slots) {
            return kind == RootKind.SHARED ? 1 : (slots + 1) / 2;
        }

        @Override
        public RootKind kind() {
            return kind;
        }

        @Override
        public Set<TransferProtocol<?>> exportProtocols() {
            return exports;
        }

        @Override
        public Set<TransferProtocol<?>> importProtocols() {
            return imports;
        }
    }
}
