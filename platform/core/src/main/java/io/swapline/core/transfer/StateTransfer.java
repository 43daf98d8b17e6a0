package io.swapline.core.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import io.swapline.api.Root;
import io.swapline.api.TransferProtocol;

/**
 * Moves state from an old implementation to a new one through a negotiated protocol, while the
 * object is quiescent: in one piece, or Rep by Rep in parallel for a per-Rep protocol.
 */
public final class StateTransfer {

    private StateTransfer() {
    }

    /**
     * Exports from {@code from} and imports into {@code to}.
     *
     * @param negotiated the negotiation's result; nothing happens if it chose no protocol
     * @param from the old implementation
     * @param to the new implementation
     * @param workers runs the per-Rep transfers in parallel
     * @throws IllegalStateException if an export returns null or a value of the wrong type;
     *     whatever export or import throw passes through
     */
    public static void run(ProtocolNegotiation.Result negotiated, Root<?> from, Root<?> to, Executor workers) {
        TransferProtocol<?> export = negotiated.export();
        if (export == null) {
            return;
        }
        if (export.isPerRep()) {
            moveEachRep(export, negotiated.importing(), from, to, workers);
        } else {
            move(export, negotiated.importing(), from, to);
        }
    }

    private static <S> void move(TransferProtocol<S> export, TransferProtocol<?> importing, Root<?> from,
            Root<?> to) {
        S state = checked(export, from.exportState(export), from, "");
        to.importState(sameType(export, importing), state);
    }

    private static <S> void moveEachRep(TransferProtocol<S> export, TransferProtocol<?> importing, Root<?> from,
            Root<?> to, Executor workers) {
        TransferProtocol<S> into = sameType(export, importing);
        List<CompletableFuture<Void>> reps = new ArrayList<>();
        for (int index : from.repIndexes()) {
            reps.add(CompletableFuture.runAsync(() -> {
                S state = checked(export, from.exportRepState(export, index), from, " for Rep " + index);
                to.importRepState(into, index, state);
            }, workers));
        }
        try {
            CompletableFuture.allOf(reps.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private static <S> S checked(TransferProtocol<S> protocol, S state, Root<?> from, String where) {
        if (!protocol.stateType().isInstance(state)) {
            throw new IllegalStateException(from.implementationName() + " exported "
                    + (state == null ? "null" : "a " + state.getClass().getName()) + where + " for " + protocol);
        }
        return state;
    }

    @SuppressWarnings("unchecked") // agreesWith() checked that both sides use the same state type
    private static <S> TransferProtocol<S> sameType(TransferProtocol<S> export, TransferProtocol<?> importing) {
        return (TransferProtocol<S>) importing;
    }
}
