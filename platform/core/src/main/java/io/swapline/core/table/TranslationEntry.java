package io.swapline.core.table;

import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.swapline.api.Root;

/**
 * An entry of the global translation table: the root pointer of one clustered object and the
 * reader-writer lock that misses take in read mode, so that whoever swings the root (a swap,
 * a destroy) can take it in write mode and know no miss is in progress.
 *
 * <p>Entries are reused: after an object is destroyed its entry goes back to a free list and
 * may serve a later object. Everything that belongs to one object's lifetime (its local
 * table, its stub) is created afresh for that object, so a stale handle can never reach the
 * entry's next occupant.
 */
public final class TranslationEntry {

    private final int index;
    private final ReentrantReadWriteLock missLock = new ReentrantReadWriteLock();
    private final int homeSlot;
    // Written under the write lock; read under the read lock (misses) or by monitoring code.
    private volatile Root<?> root;
    private volatile LocalTable local;

    TranslationEntry(int index, int homeSlot) {
        this.index = index;
        this.homeSlot = homeSlot;
    }

    /**
     * The entry's position in the global table: with the table, the object's COID.
     *
     * @return the index
     */
    public int index() {
        return index;
    }

    /**
     * The root the entry points to: the object's own root, or a Mediator's during a swap;
     * null while the entry is free.
     *
     * @return the root or null
     */
    public Root<?> root() {
        return root;
    }

    /**
     * The local table of the object occupying the entry, or null while the entry is free.
     *
     * @return the local table
     */
    public LocalTable local() {
        return local;
    }

    /**
     * The lock misses take in read mode.
     *
     * @return the lock
     */
    public ReentrantReadWriteLock missLock() {
        return missLock;
    }

    /** The slot whose free list this entry returns to. */
    int homeSlot() {
        return homeSlot;
    }

    /**
     * Points the entry at a new root. The caller holds the write lock.
     *
     * @param newRoot the root
     */
    public void locked_setRoot(Root<?> newRoot) {
        assert missLock.isWriteLockedByCurrentThread();
        this.root = newRoot;
    }

    void occupy(Root<?> firstRoot, LocalTable table) {
        missLock.writeLock().lock();
        try {
            this.root = firstRoot;
            this.local = table;
        } finally {
            missLock.writeLock().unlock();
        }
    }

    void vacate() {
        assert missLock.isWriteLockedByCurrentThread();
        this.root = null;
        this.local = null;
    }
}
