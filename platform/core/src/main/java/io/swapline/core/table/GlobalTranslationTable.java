package io.swapline.core.table;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.Lock;

import io.swapline.api.Root;

/**
 * The global translation table: one {@link TranslationEntry} per live clustered object,
 * indexed by the object's COID.
 *
 * <h2>Allocation</h2>
 * Freed entries go to the free list of the slot they were first allocated from, and a thread
 * allocates from its own slot's list first, so threads on different slots that create and
 * destroy objects do not contend on one list. When its list is empty a thread takes a fresh
 * index from a shared counter; entries live in fixed-size chunks that are never moved, so a
 * lookup by index needs no lock.
 */
public final class GlobalTranslationTable {

    private static final int CHUNK_BITS = 10;
    private static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    private static final int MAX_CHUNKS = 1 << 12; // 4 M objects

    private final ProcessorSlots slots;
    private final AtomicReferenceArray<AtomicReferenceArray<TranslationEntry>> chunks = new AtomicReferenceArray<>(MAX_CHUNKS);
    private final AtomicInteger nextIndex = new AtomicInteger();
    private final FreeList[] freeLists;

    /**
     * A table whose free lists follow the given slots.
     *
     * @param slots the processor slots
     */
    public GlobalTranslationTable(ProcessorSlots slots) {
        this.slots = slots;
        this.freeLists = new FreeList[slots.count()];
        for (int i = 0; i < freeLists.length; i++) {
            freeLists[i] = new FreeList();
        }
    }

    /**
     * The slots this table was made for.
     *
     * @return the slots
     */
    public ProcessorSlots slots() {
        return slots;
    }

    /**
     * Allocates an entry for a new object and gives it its root and a fresh local table, whose
     * slots are empty: the first call on each slot misses into the root.
     *
     * @param name the object's name
     * @param type the object's interface
     * @param root the object's root, already attached
     * @return the new object's local table
     */
    public LocalTable allocate(String name, Class<?> type, Root<?> root) {
        int slot = slots.current();
        TranslationEntry entry = freeLists[slot].poll();
        if (entry == null) {
            entry = newEntry(slot);
        }
        LocalTable table = new LocalTable(name, type, entry, slots.count());
        entry.occupy(root, table);
        return table;
    }

    /**
     * Destroys the object in {@code table}'s entry and frees the entry for reuse. Misses in
     * progress finish first (the entry's write lock); later calls through the object's stub
     * throw.
     *
     * @param table the object's local table
     */
    public void free(LocalTable table) {
        TranslationEntry entry = table.entry();
        Lock writeLock = entry.missLock().writeLock();
        writeLock.lock();
        try {
            if (table.isDestroyed()) {
                return;
            }
            table.locked_destroy();
            entry.vacate();
        } finally {
            writeLock.unlock();
        }
        freeLists[entry.homeSlot()].push(entry);
    }

    /**
     * The entry at an index.
     *
     * @param index an index handed out by this table
     * @return the entry
     * @throws IndexOutOfBoundsException if no entry was ever allocated at the index
     */
    public TranslationEntry entry(int index) {
        AtomicReferenceArray<TranslationEntry> chunk =
                index >= 0 && index < nextIndex.get() ? chunks.get(index >>> CHUNK_BITS) : null;
        TranslationEntry entry = chunk == null ? null : chunk.get(index & (CHUNK_SIZE - 1));
        if (entry == null) {
            throw new IndexOutOfBoundsException("no translation entry at " + index);
        }
        return entry;
    }

    /**
     * The number of entries ever allocated (live and free).
     *
     * @return the table's size
     */
    public int size() {
        return nextIndex.get();
    }

    private TranslationEntry newEntry(int slot) {
        int index = nextIndex.getAndIncrement();
        int chunkIndex = index >>> CHUNK_BITS;
        if (chunkIndex >= MAX_CHUNKS) {
            throw new IllegalStateException("global translation table is full (" + index + " entries)");
        }
        AtomicReferenceArray<TranslationEntry> chunk = chunks.get(chunkIndex);
        if (chunk == null) { // racing creators: one chunk wins
            chunks.compareAndSet(chunkIndex, null, new AtomicReferenceArray<>(CHUNK_SIZE));
            chunk = chunks.get(chunkIndex);
        }
        TranslationEntry entry = new TranslationEntry(index, slot);
        chunk.set(index & (CHUNK_SIZE - 1), entry);
        return entry;
    }

    /** A slot's free entries. Its lock is taken only to create or destroy, never to call. */
    private static final class FreeList {
        private final ArrayDeque<TranslationEntry> entries = new ArrayDeque<>();

        synchronized TranslationEntry poll() {
            return entries.pollFirst();
        }

        synchronized void push(TranslationEntry entry) {
            entries.addFirst(entry);
        }
    }
}
