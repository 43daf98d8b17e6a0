package io.swapline.core.transfer;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.swapline.api.ClusteredRoot;
import io.swapline.api.Root;
import io.swapline.api.RootKind;
import io.swapline.api.TransferProtocol;

/** The negotiation rule: most significant common bit; a per-Rep protocol only between equal Rep layouts. */
class ProtocolNegotiationTest {

    private static final TransferProtocol<Long> WHOLE = TransferProtocol.define("whole", 1, Long.class);
    private static final TransferProtocol<Long> PER_REP = TransferProtocol.definePerRep("per-rep", 6, Long.class);

    @Test
    void clusteredRootsWithTheSameClusterSizeUseThePerRepProtocol() {
        assertEquals("per-rep", ProtocolNegotiation.negotiate(clustered(2), clustered(2)).protocolName());
    }

    @Test
    void clusteredRootsWithDifferentClusterSizesFallBackToTheWholeObject() {
        assertEquals("whole", ProtocolNegotiation.negotiate(clustered(2), clustered(4)).protocolName());
    }

    @Test
    void aRootThatSaysClusteredButCannotSayItsClusterSizeNeverGetsAPerRepTransfer() {
        Root<Object> opaque = new OpaqueClustered();
        assertEquals("whole", ProtocolNegotiation.negotiate(clustered(2), opaque).protocolName());
        assertEquals("whole", ProtocolNegotiation.negotiate(opaque, clustered(2)).protocolName());
    }

    private static ClusteredRoot<Object> clustered(int size) {
        return new ClusteredRoot<>(size) {
            @Override
            protected Object newRep(int repIndex) {
                return new Object();
            }

            @Override
            public Set<TransferProtocol<?>> exportProtocols() {
                return Set.of(WHOLE, PER_REP);
            }

            @Override
            public Set<TransferProtocol<?>> importProtocols() {
                return Set.of(WHOLE, PER_REP);
            }
        };
    }

    /** A root of clustered kind that is not a ClusteredRoot, e.g. a wrapper. */
    private static final class OpaqueClustered extends Root<Object> {
        @Override
        protected Object newRep(int repIndex) {
            return new Object();
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
            return Set.of(WHOLE, PER_REP);
        }

        @Override
        public Set<TransferProtocol<?>> importProtocols() {
            return Set.of(WHOLE, PER_REP);
        }
    }
}
