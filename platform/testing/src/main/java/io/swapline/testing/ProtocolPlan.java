package io.swapline.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.swapline.api.ClusteredRoot;
import io.swapline.api.Root;
import io.swapline.api.TransferProtocol;

/**
 * Which protocols a set of implementations can hand state over by, computed the way the
 * runtime negotiates: a protocol is usable from one root to another when the outgoing root
 * exports it, the incoming root imports a protocol with the same bit that
 * {@linkplain TransferProtocol#agreesWith agrees} with it, and, for a per-Rep protocol, both
 * roots have the same kind and cluster size.
 */
final class ProtocolPlan {

    /**
     * A usable protocol from one root to another, as each side declares it.
     *
     * @param exported the outgoing root's protocol
     * @param imported the incoming root's protocol with the same bit
     */
    record Match(TransferProtocol<?> exported, TransferProtocol<?> imported) {
    }

    private ProtocolPlan() {
    }

    /**
     * The protocols usable on at least one step of the rotation {@code roots[0] -> roots[1] -> ...
     * -> roots[0]}, highest bit first (as the outgoing sides declare them).
     *
     * @param roots one sample root per implementation, in rotation order
     * @return the distinct protocols
     */
    static List<TransferProtocol<?>> protocolsOfRotation(List<? extends Root<?>> roots) {
        List<TransferProtocol<?>> protocols = new ArrayList<>();
        for (int i = 0; i < roots.size(); i++) {
            Root<?> from = roots.get(i);
            Root<?> to = roots.get((i + 1) % roots.size());
            for (TransferProtocol<?> candidate : from.exportProtocols()) {
                if (match(from, to, candidate.bit()).isPresent()
                        && protocols.stream().noneMatch(known -> known.agreesWith(candidate))) {
                    protocols.add(candidate);
                }
            }
        }
        protocols.sort(Comparator.comparingInt((TransferProtocol<?> p) -> p.bit()).reversed());
        return protocols;
    }

    /**
     * The protocol with the given bit, if both roots can use it from {@code from} to {@code to}.
     *
     * @param from the outgoing root
     * @param to the incoming root
     * @param bit the protocol bit
     * @return the two sides' declarations, or empty
     */
    static Optional<Match> match(Root<?> from, Root<?> to, int bit) {
        Optional<TransferProtocol<?>> out = withBit(from.exportProtocols(), bit);
        Optional<TransferProtocol<?>> in = withBit(to.importProtocols(), bit);
        if (out.isEmpty() || in.isEmpty() || !out.get().agreesWith(in.get())) {
            return Optional.empty();
        }
        if (out.get().isPerRep() && !sameRepLayout(from, to)) {
            return Optional.empty();
        }
        return Optional.of(new Match(out.get(), in.get()));
    }

    private static Optional<TransferProtocol<?>> withBit(Iterable<TransferProtocol<?>> protocols, int bit) {
        for (TransferProtocol<?> protocol : protocols) {
            if (protocol.bit() == bit) {
                return Optional.of(protocol);
            }
        }
        return Optional.empty();
    }

    private static boolean sameRepLayout(Root<?> from, Root<?> to) {
        if (from.kind() != to.kind()) {
            return false;
        }
        return !(from instanceof ClusteredRoot<?> a && to instanceof ClusteredRoot<?> b)
                || a.clusterSize() == b.clusterSize();
    }
}
