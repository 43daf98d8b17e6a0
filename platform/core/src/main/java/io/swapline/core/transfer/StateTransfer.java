package io.swapline.core.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import io.swapline.api.Root;
import io.swapline.api.TransferProtocol;

/**
 * Moves state from an old implementation to a new one through a negotiated protocol: in one piece
 * ({@link TransferProtocol.Scope#OBJECT}), or Rep by Rep ({@link TransferProtocol.Scope#REP}).
 * {@link #run} is a swap's Transfer phase, while the object is quiescent; {@link #transferDetached}
 * moves the state of a root that no object serves from any more into one not yet installed.
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
        if (export.scope() == TransferProtocol.Scope.REP) {
            moveEachRep(export, negotiated.importing(), from, to, workers);
        } else {
            move(export, negotiated.importing(), from, to);
        }
    }

    /**
     * Moves the state of {@code from}, a root that no object serves from any more (kept by a
     * waiting object, say), into {@code to}, a root that is attached but not installed in an
     * object, through the protocol {@link ProtocolNegotiation#negotiate} chooses for the pair — the
     * same choice a direct swap from {@code from} to {@code to} would make. Whole-object protocols
     * move in one piece; a per-Rep protocol, chosen only where the Rep layouts match (same kind,
     * cluster size and slot count), Rep by Rep. Everything runs on the calling thread.
     *
     * <p>The caller guarantees what a swap's Block phase would: no call runs in either root while
     * this method runs. If it throws after the negotiation, {@code to} may hold part of the state
     * and must be discarded; {@code from} is unchanged (export does not modify it), so its state can
     * be offered to another root.
     *
     * @param from the root whose state moves; attached or not, never installed again
     * @param to the root that receives it; attached, not yet serving calls
     * @return the negotiation's result: the protocol used, or no protocol for a stateless
     *     {@code from} (nothing moved)
     * @throws TransferRefusedException if no protocol fits; nothing was exported or imported
     * @throws IllegalArgumentException if {@code to} is not attached, or is {@code from}
     * @throws IllegalStateException if an export returns null or a value of the wrong type;
     *     whatever export or import throw passes through
     */
    public static ProtocolNegotiation.Result transferDetached(Root<?> from, Root<?> to) {
        if (from == to) {
            throw new IllegalArgumentException(from.implementationName() + " cannot transfer its state to itself");
        }
        if (to.slotCount() == 0) {
            throw new IllegalArgumentException(to.implementationName()
                    + " is not attached; attach it (as a swap does) before it imports a state");
        }
        ProtocolNegotiation.Result negotiated = ProtocolNegotiation.negotiate(from, to);
        if (negotiated.refused()) {
            throw new TransferRefusedException(negotiated.refusal());
        }
        run(negotiated, from, to, Runnable::run);
        return negotiated;
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
