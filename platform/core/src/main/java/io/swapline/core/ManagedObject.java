package io.swapline.core;

import io.swapline.api.ClusteredObject;
import io.swapline.api.Root;
import io.swapline.api.RootKind;
import io.swapline.core.table.LocalTable;

/**
 * A clustered object as the runtime holds it: its local table (and through it the global
 * entry) and the stub clients call.
 */
final class ManagedObject<T> implements ClusteredObject<T> {

    private final ClusteredObjectRuntime runtime;
    private final Class<T> type;
    private final LocalTable table;
    private final T stub;
    // The object's own root: the one misses reach when no swap is in progress.
    private volatile Root<? extends T> root;

    ManagedObject(ClusteredObjectRuntime runtime, Class<T> type, LocalTable table, T stub, Root<? extends T> root) {
        this.runtime = runtime;
        this.type = type;
        this.table = table;
        this.stub = stub;
        this.root = root;
    }

    @Override
    public String name() {
        return table.name();
    }

    @Override
    public Class<T> type() {
        return type;
    }

    @Override
    public T stub() {
        return stub;
    }

    @Override
    public RootKind kind() {
        return liveRoot().kind();
    }

    @Override
    public int slotsInUse() {
        return liveRoot().missedSlots().length;
    }

    @Override
    public boolean isLive() {
        return !table.isDestroyed();
    }

    LocalTable table() {
        return table;
    }

    ClusteredObjectRuntime runtime() {
        return runtime;
    }

    Root<? extends T> root() {
        return root;
    }

    void root(Root<? extends T> newRoot) {
        this.root = newRoot;
    }

    private Root<? extends T> liveRoot() {
        if (table.isDestroyed()) {
            throw table.destroyedException();
        }
        return root;
    }

    @Override
    public String toString() {
        return "ClusteredObject[" + name() + ": " + type.getName() + (isLive() ? "" : ", destroyed") + "]";
    }
}
