package io.swapline.core.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.swapline.api.ClusteredRoot;
import io.swapline.api.Root;
import io.swapline.api.RootKind;
import io.swapline.api.TransferProtocol;

/**
 * Chooses how state moves from an old implementation to a new one (seed ¶45). The one
 * implementation of the rule: the runtime's swaps, {@link StateTransfer#transferDetached} and the
 * test kit's {@code SwapTester} all ask this class.
 *
 * <ol>
 * <li>A stateless old implementation needs no transfer: nothing is negotiated.</li>
 * <li>Otherwise every bit that the old side's {@link Root#exportProtocols()} and the new side's
 * {@link Root#importProtocols()} both declare is a {@linkplain #candidates candidate}, the most
 * significant first.</li>
 * <li>A candidate is skipped when the two sides' protocols with that bit do not
 * {@linkplain TransferProtocol#agreesWith agree} (name, state type class, scope), or when it is
 * {@linkplain TransferProtocol.Scope#REP per Rep} and the roots' Rep indexes may mean different
 * slots: the kinds differ, or both are clustered but not both {@link ClusteredRoot}s of the same
 * cluster size (a root that only says {@link RootKind#CLUSTERED} cannot say which slots a Rep
 * serves), or both are attached but to different slot counts. A per-Rep transfer between such
 * roots would drop or mix Reps' state.</li>
 * <li>The first candidate not skipped wins. None left: the transfer is refused, with a reason
 * that names both sides' protocols and why each common bit was skipped.</li>
 * </ol>
 *
 * <p>Pure: it reads the roots' declarations, kinds and slot counts and changes nothing, so it can
 * be called at any time, on any thread, for roots installed in an object or not.
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

        /**
         * Whether the negotiation found no way to move the state.
         *
         * @return true if {@link #refusal()} is set
         */
        public boolean refused() {
            return refusal != null;
        }
    }

    /**
     * A bit both sides declare, and whether the transfer may use it.
     *
     * @param export the old side's protocol with this bit
     * @param importing the new side's protocol with this bit
     * @param unusable why the negotiation skips this bit, or null if it may use it
     */
    public record Candidate(TransferProtocol<?> export, TransferProtocol<?> importing, String unusable) {

        /**
         * The bit both sides declare.
         *
         * @return the bit number
         */
        public int bit() {
            return export.bit();
        }

        /**
         * Whether the negotiation may choose this candidate.
         *
         * @return true if {@link #unusable()} is null
         */
        public boolean usable() {
            return unusable == null;
        }
    }

    private ProtocolNegotiation() {
    }

    /**
     * Negotiates between two implementations.
     *
     * @param from the old implementation
     * @param to the new implementation
     * @return the most significant usable candidate; no protocol for a stateless {@code from}; or a
     *     refusal
     */
    public static Result negotiate(Root<?> from, Root<?> to) {
        if (from.isStateless()) {
            return new Result(null, null, null); // nothing to carry over
        }
        Set<TransferProtocol<?>> exports = from.exportProtocols();
        Set<TransferProtocol<?>> imports = to.importProtocols();
        List<String> skipped = new ArrayList<>();
        for (Candidate candidate : candidates(from, exports, to, imports)) {
            if (candidate.usable()) {
                return new Result(candidate.export(), candidate.importing(), null);
            }
            skipped.add(candidate.unusable());
        }
        String reason = from.implementationName() + " exports " + describe(exports) + ", "
                + to.implementationName() + " imports " + describe(imports) + ": no common transfer protocol";
        if (!skipped.isEmpty()) {
            reason += " (" + String.join("; ", skipped) + ")";
        }
        return new Result(null, null, reason);
    }

    /**
     * Every bit {@code from} exports and {@code to} imports, the most significant first, each with
     * whether {@link #negotiate} may choose it. For a stateless {@code from} every candidate is
     * unusable: no transfer happens.
     *
     * @param from the old implementation
     * @param to the new implementation
     * @return the candidates; empty if the two declare no common bit
     */
    public static List<Candidate> candidates(Root<?> from, Root<?> to) {
        return candidates(from, from.exportProtocols(), to, to.importProtocols());
    }

    /** The candidates over the declarations read once, so that one negotiation sees one set per side. */
    private static List<Candidate> candidates(Root<?> from, Set<TransferProtocol<?>> exports, Root<?> to,
            Set<TransferProtocol<?>> imports) {
        long common = bits(exports) & bits(imports);
        List<Candidate> candidates = new ArrayList<>(Long.bitCount(common));
        while (common != 0) {
            int bit = 63 - Long.numberOfLeadingZeros(common); // the most significant bit first
            TransferProtocol<?> out = withBit(exports, bit);
            TransferProtocol<?> in = withBit(imports, bit);
            candidates.add(new Candidate(out, in, whyUnusable(from, out, to, in)));
            common &= ~(1L << bit);
        }
        return List.copyOf(candidates);
    }

    private static String whyUnusable(Root<?> from, TransferProtocol<?> out, Root<?> to, TransferProtocol<?> in) {
        if (from.isStateless()) {
            return from.implementationName() + " is stateless: nothing is transferred";
        }
        if (!out.agreesWith(in)) {
            return "bit " + out.bit() + " is " + out + " on one side and " + in + " on the other";
        }
        if (out.scope() == TransferProtocol.Scope.REP) {
            String mismatch = repLayoutMismatch(from, to);
            if (mismatch != null) {
                return out + " is per Rep, but " + mismatch;
            }
        }
        return null;
    }

    /** Why the Rep indexes of the two roots may mean different slots, or null if they mean the same. */
    private static String repLayoutMismatch(Root<?> from, Root<?> to) {
        if (from.kind() != to.kind()) {
            return from.kind() + " and " + to.kind() + " Reps do not match";
        }
        if (from.kind() == RootKind.CLUSTERED) {
            if (!(from instanceof ClusteredRoot<?> a && to instanceof ClusteredRoot<?> b)) {
                return "a clustered root that is not a ClusteredRoot cannot say its cluster size";
            }
            if (a.clusterSize() != b.clusterSize()) {
                return "clusters of " + a.clusterSize() + " and " + b.clusterSize() + " slots do not match";
            }
        }
        if (from.slotCount() != 0 && to.slotCount() != 0 && from.slotCount() != to.slotCount()) {
            return "the roots are attached to " + from.slotCount() + " and " + to.slotCount() + " slots";
        }
        return null;
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
