package io.swapline.core.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.swapline.api.ClusteredRoot;
import io.swapline.api.Root;
import io.swapline.api.RootKind;
import io.swapline.api.TransferProtocol;

/**
 * Chooses how state moves from an old implementation to a new one (seed ¶45): intersect the
 * bits of the protocols the old side exports with those the new side imports, and take the
 * most significant remaining bit. A bit counts only if both sides' protocols with that bit
 * {@linkplain TransferProtocol#agreesWith agree} (same name and the same state type class), and a
 * per-Rep protocol counts only between roots whose Rep indexes mean the same slots (same kind,
 * same cluster size).
 */
public final class ProtocolNegotiation {

    /**
     * The result: a protocol pair, no transfer needed, or a refusal.
     *
     * @param export the old side's protocol, or null if no transfer is needed or possible
     * @param importing the new side's protocol with the same bit, or null
     * @param refusal why no protocol fits, or null
     */
    public record Result(TransferProtocol<?> export, TransferProtocol<?> importing, String refusal) {

        /**
         * The chosen protocol's name for records.
         *
         * @return the name, or {@code "none"}
         */
        public String protocolName() {
            return export == null ? "none" : export.name();
        }
    }

    private ProtocolNegotiation() {
    }

    /**
     * Negotiates between two implementations.
     *
     * @param from the old implementation
     * @param to the new implementation
     * @return the result
     */
    public static Result negotiate(Root<?> from, Root<?> to) {
        if (from.isStateless()) {
            return new Result(null, null, null); // nothing to carry over
        }
        Set<TransferProtocol<?>> exports = from.exportProtocols();
        Set<TransferProtocol<?>> imports = to.importProtocols();
        long exportBits = bits(exports);
        long importBits = bits(imports);
        long common = exportBits & importBits;
        List<String> disagreements = new ArrayList<>();
        while (common != 0) {
            int bit = 63 - Long.numberOfLeadingZeros(common); // the most significant bit wins
            TransferProtocol<?> out = withBit(exports, bit);
            TransferProtocol<?> in = withBit(imports, bit);
            if (!out.agreesWith(in)) {
                disagreements.add("bit " + bit + " is " + out + " on one side and " + in + " on the other");
            } else if (out.isPerRep() && !sameRepLayout(from, to)) {
                disagreements.add(out + " is per Rep, but " + from.kind() + " and " + to.kind() + " Reps do not match");
            } else {
                return new Result(out, in, null);
            }
            common &= ~(1L << bit);
        }
        String reason = from.implementationName() + " exports " + describe(exports) + ", "
                + to.implementationName() + " imports " + describe(imports) + ": no common transfer protocol";
        if (!disagreements.isEmpty()) {
            reason += " (" + String.join("; ", disagreements) + ")";
        }
        return new Result(null, null, reason);
    }

    private static boolean sameRepLayout(Root<?> from, Root<?> to) {
        if (from.kind() != to.kind()) {
            return false;
        }
        if (from.kind() != RootKind.CLUSTERED) {
            return true;
        }
        // Both clustered: the same only if both say their cluster size and it is the same.
        return from instanceof ClusteredRoot<?> a && to instanceof ClusteredRoot<?> b
                && a.clusterSize() == b.clusterSize();
    }

    private static long bits(Set<TransferProtocol<?>> protocols) {
        long bits = 0;
        for (TransferProtocol<?> protocol : protocols) {
            bits |= 1L << protocol.bit();
        }
        return bits;
    }

    private static TransferProtocol<?> withBit(Set<TransferProtocol<?>> protocols, int bit) {
        return protocols.stream().filter(p -> p.bit() == bit).findFirst().orElseThrow();
    }

    private static String describe(Set<TransferProtocol<?>> protocols) {
        return protocols.isEmpty() ? "no protocol" : protocols.toString();
    }
}
