package io.swapline.osgi.objects;

import java.util.Set;
import java.util.stream.Collectors;

import io.swapline.api.ClusteredRoot;
import io.swapline.api.Root;
import io.swapline.api.RootKind;
import io.swapline.api.TransferProtocol;
import io.swapline.api.autonomic.Signals;
import io.swapline.api.autonomic.WorkloadSignals;

/**
 * The root that takes over from a {@link WaitingRoot}: its Reps are the Reps of the successor
 * the waiting calls were handed over to, so once swapped in, calls reach the successor's code
 * directly (the stub folds to its Rep as for any root) and the successor's state is the one it
 * imported from the waiting root. It has the successor's kind, name, protocols and destroy hook,
 * and imports only {@link WaitingRoot#HANDOVER}.
 *
 * <p>Reps the successor made before this root was swapped in (its state import, the handed-over
 * calls) are adopted by {@link #adoptSuccessorReps()} right after the swap, so that a per-Rep
 * export from this root sees every one of them.
 *
 * <p>For a clustered successor, per-Rep protocols are not exported: the runtime compares the
 * cluster size of two roots only when both are {@link ClusteredRoot}s, which this root is not.
 *
 * @param <T> the object's interface
 */
public final class SuccessorRoot<T> extends Root<T> implements WorkloadSignals {

    private final Root<T> successor;
    private final RootKind kind;
    private final int clusterSize;

    /** @param successor attached, its state imported */
    SuccessorRoot(Root<T> successor) {
        this.successor = successor;
        this.kind = successor.kind();
        this.clusterSize = successor instanceof ClusteredRoot<?> clustered ? clustered.clusterSize() : 1;
    }

    @Override
    protected T newRep(int repIndex) {
        return successor.repFor(repIndex);
    }

    @Override
    protected int repIndexOf(int slot) {
        return switch (kind) {
            case SHARED -> 0;
            case DISTRIBUTED -> slot;
            case CLUSTERED -> slot / clusterSize;
        };
    }

    @Override
    protected int repCountFor(int slots) {
        return switch (kind) {
            case SHARED -> 1;
            case DISTRIBUTED -> slots;
            case CLUSTERED -> (slots + clusterSize - 1) / clusterSize;
        };
    }

    @Override
    public RootKind kind() {
        return kind;
    }

    @Override
    public String implementationName() {
        return successor.implementationName();
    }

    @Override
    public boolean isStateless() {
        return successor.isStateless();
    }

    @Override
    public Set<TransferProtocol<?>> exportProtocols() {
        Set<TransferProtocol<?>> protocols = successor.exportProtocols();
        if (kind != RootKind.CLUSTERED) {
            return protocols;
        }
        return protocols.stream().filter(protocol -> !protocol.isPerRep()).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Set<TransferProtocol<?>> importProtocols() {
        return Set.of(WaitingRoot.HANDOVER);
    }

    @Override
    public <S> S exportState(TransferProtocol<S> protocol) {
        return successor.exportState(protocol);
    }

    @Override
    public <S> S exportRepState(TransferProtocol<S> protocol, int repIndex) {
        return successor.exportRepState(protocol, repIndex);
    }

    @Override
    public <S> void importState(TransferProtocol<S> protocol, S state) {
        if (protocol != WaitingRoot.HANDOVER || ((WaitingRoot.Handover) state).successor() != successor) {
            throw new IllegalStateException(implementationName() + " takes over only from the waiting root that"
                    + " handed its calls to it");
        }
    }

    /** Makes this root's Rep table hold every Rep the successor has. Called by the extender after the swap. */
    void adoptSuccessorReps() {
        for (int repIndex : successor.repIndexes()) {
            repFor(repIndex);
        }
    }

    @Override
    public void destroy() {
        successor.destroy();
    }

    /** The successor's signals, so that the object's autonomic policy keeps working after a handover. */
    @Override
    public Signals sampleSignals() {
        return successor instanceof WorkloadSignals signals ? signals.sampleSignals() : Signals.NONE;
    }
}
