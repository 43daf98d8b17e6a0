package io.swapline.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.swapline.api.Root;
import io.swapline.api.TransferProtocol;
import io.swapline.core.transfer.ProtocolNegotiation;

/**
 * Which protocols a set of implementations can hand state over by. The tester does not decide
 * this itself: a protocol is usable from one root to another exactly when the runtime's
 * negotiation ({@link ProtocolNegotiation#candidates}) may choose it for that pair.
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
            for (ProtocolNegotiation.Candidate candidate : ProtocolNegotiation.candidates(from, to)) {
                if (candidate.usable() && protocols.stream().noneMatch(known -> known.agreesWith(candidate.export()))) {
                    protocols.add(candidate.export());
                }
            }
        }
        protocols.sort(Comparator.comparingInt((TransferProtocol<?> p) -> p.bit()).reversed());
        return protocols;
    }

    /**
     * The protocol with the given bit, if the runtime's negotiation may use it from {@code from}
     * to {@code to}.
     *
     * @param from the outgoing root
     * @param to the incoming root
     * @param bit the protocol bit
     * @return the two sides' declarations, or empty
     */
    static Optional<Match> match(Root<?> from, Root<?> to, int bit) {
        return ProtocolNegotiation.candidates(from, to).stream()
                .filter(candidate -> candidate.bit() == bit && candidate.usable())
                .findFirst()
                .map(candidate -> new Match(candidate.export(), candidate.importing()));
    }
}
