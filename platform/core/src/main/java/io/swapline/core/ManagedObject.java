package io.swapline.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import io.swapline.api.ClusteredObject;
import io.swapline.api.RepFailure;
import io.swapline.api.Root;
import io.swapline.api.RootKind;
import io.swapline.api.SwapRecord;
import io.swapline.core.swap.SwappableObject;
import io.swapline.core.table.LocalTable;

/**
 * A clustered object as the runtime holds it: its local table (and through it the global
 * entry), the stub clients call, its current implementation and its swap history.
 */
final class ManagedObject<T> implements ClusteredObject<T>, SwappableObject {

    /** How many swap records an object keeps. */
    static final int HISTORY_LIMIT = 32;

    private final ClusteredObjectRuntime runtime;
    private final Class<T> type;
    private final LocalTable table;
    private final T stub;
    /** Held while a swap or destroy runs: one at a time per object, in arrival order. */
    private final ReentrantLock swapLock = new ReentrantLock(true);
    private final Deque<SwapRecord> history = new ArrayDeque<>(); // guarded by itself
    // The object's own root; changed by a completing swap under the entry's write lock.
    private volatile Root<?> root;
    private volatile long swapCount;

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
    public String implementationName() {
        return liveRoot().implementationName();
    }

    @Override
    public long swapCount() {
        return swapCount;
    }

    @Override
    public List<SwapRecord> history() {
        synchronized (history) {
            return new ArrayList<>(history);
        }
    }

    @Override
    public List<RepFailure> repFailures() {
        return table.repFailures().snapshot();
    }

    @Override
    public boolean isLive() {
        return !table.isDestroyed();
    }

    @Override
    public LocalTable table() {
        return table;
    }

    @Override
    public Root<?> currentRoot() {
        return root;
    }

    @Override
    public void installRoot(Root<?> newRoot) {
        this.root = newRoot;
    }

    @Override
    public String stubClassName() {
        return stub.getClass().getName();
    }

    ClusteredObjectRuntime runtime() {
        return runtime;
    }

    ReentrantLock swapLock() {
        return swapLock;
    }

    void record(SwapRecord record) {
        synchronized (history) {
            if (history.size() == HISTORY_LIMIT) {
                history.removeFirst();
            }
            history.addLast(record);
        }
        if (record.completed()) {
            swapCount++; // only under swapLock
        }
    }

    private Root<?> liveRoot() {
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
