package io.swapline.core.transfer;

import io.swapline.api.Root;
import io.swapline.api.TransferProtocol;

/** Moves state from an old implementation to a new one through a negotiated protocol. */
public final class StateTransfer {

    private StateTransfer() {
    }

    /**
     * Exports from {@code from} and imports into {@code to}. Runs while the object is quiescent.
     *
     * @param negotiated the negotiation's result; nothing happens if it chose no protocol
     * @param from the old implementation
     * @param to the new implementation
     * @throws IllegalStateException if the export returns null or a value of the wrong type;
     *     whatever export or import throw passes through
     */
    public static void run(ProtocolNegotiation.Result negotiated, Root<?> from, Root<?> to) {
        if (negotiated.export() != null) {
            move(negotiated.export(), negotiated.importing(), from, to);
        }
    }

    private static <S> void move(TransferProtocol<S> export, TransferProtocol<?> importing, Root<?> from,
            Root<?> to) {
        S state = from.exportState(export);
        if (!export.stateType().isInstance(state)) {
            throw new IllegalStateException(from.implementationName() + " exported "
                    + (state == null ? "null" : "a " + state.getClass().getName()) + " for " + export);
        }
        @SuppressWarnings("unchecked") // agreesWith() checked that both sides use the same state type
        TransferProtocol<S> sameType = (TransferProtocol<S>) importing;
        to.importState(sameType, state);
    }
}
