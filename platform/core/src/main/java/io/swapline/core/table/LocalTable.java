package io.swapline.core.table;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.Lock;

import io.swapline.api.Root;
import io.swapline.api.RootKind;

/**
 * The local translation table of one clustered object, and the call target its stub reaches
 * through.
 *
 * <h2>The call path</h2>
 * The stub of the object reads a {@link MutableCallSite} through a {@code static final}
 * handle, so the JIT treats the site's target as a constant and recompiles dependents when it
 * changes. The target is one of:
 * <ul>
 *   <li><b>the Rep itself</b>, as a constant: for a shared root after its first miss. The JIT
 *       folds it, so a call costs what a direct call costs. A retarget deoptimises the code
 *       that folded it (about half a millisecond), which is why only swaps and destroys do it.
 *   <li><b>the slot lookup</b> {@link #repForCurrentSlot()}: one Rep pointer per slot, read
 *       with opaque semantics. Opaque, because a plain read of the array was observed to be
 *       hoisted out of a caller's loop, so the looping caller never saw a swap; an opaque read
 *       is a plain load on x86 but may not be hoisted. Distributed and clustered roots, and a
 *       Mediator during a swap, are reached this way.
 *   <li><b>the shared miss</b>: before a shared root's first call, and after a swap to one.
 *   <li><b>destroyed</b>: throws {@link IllegalStateException} naming the object.
 * </ul>
 *
 * <h2>Concurrency</h2>
 * Slots and the call target are changed only under the entry's lock: misses fill a slot or
 * install the shared constant under the read lock; swaps and destroy clear slots and retarget
 * under the write lock, so no miss can re-install a Rep of a root that has just been swung
 * away. Nothing on the call path writes anything.
 */
public final class LocalTable {

    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final MethodHandle REP_FOR_CURRENT_SLOT;
    private static final MethodHandle SHARED_MISS;
    private static final MethodHandle DESTROYED;

    static {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            REP_FOR_CURRENT_SLOT = lookup.findVirtual(LocalTable.class, "repForCurrentSlot",
                    MethodType.methodType(Object.class));
            SHARED_MISS = lookup.findVirtual(LocalTable.class, "sharedMiss", MethodType.methodType(Object.class));
            DESTROYED = lookup.findVirtual(LocalTable.class, "destroyed", MethodType.methodType(Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String name;
    private final Class<?> type;
    private final TranslationEntry entry;
    private final Object[] reps;
    private final int mask;
    private final MutableCallSite site;
    private final MethodHandle slotLookup;
    /** Which of the call targets above the site points to. Guarded by this. */
    private enum Path { SHARED_MISS, SHARED_REP, SLOT_LOOKUP, DESTROYED }

    private Path path;
    private volatile boolean destroyed;

    LocalTable(String name, Class<?> type, TranslationEntry entry, int slots) {
        this.name = name;
        this.type = type;
        this.entry = entry;
        this.reps = new Object[slots];
        this.mask = slots - 1;
        this.site = new MutableCallSite(MethodType.methodType(type));
        this.slotLookup = REP_FOR_CURRENT_SLOT.bindTo(this).asType(site.type());
    }

    /**
     * The call site a stub of this object links to; its type is {@code ()T} for the
     * object's interface {@code T}.
     *
     * @return the call site
     */
    public MutableCallSite callSite() {
        return site;
    }

    /**
     * The object's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The object's interface.
     *
     * @return the interface
     */
    public Class<?> type() {
        return type;
    }

    /**
     * The global table entry the object occupies.
     *
     * @return the entry
     */
    public TranslationEntry entry() {
        return entry;
    }

    /**
     * The Rep serving the calling thread's slot: the slot lookup on the call path.
     *
     * @return the Rep
     */
    public Object repForCurrentSlot() {
        int slot = ProcessorSlots.slotOf(Thread.currentThread(), mask);
        Object rep = SLOTS.getOpaque(reps, slot); // opaque: must not be hoisted out of a caller's loop
        return rep != null ? rep : miss(slot);
    }

    /**
     * The calling thread's slot.
     *
     * @return the slot
     */
    public int currentSlot() {
        return ProcessorSlots.slotOf(Thread.currentThread(), mask);
    }

    /**
     * The Rep currently installed in a slot, or null.
     *
     * @param slot the slot
     * @return the Rep or null
     */
    public Object repInSlot(int slot) {
        return SLOTS.getAcquire(reps, slot);
    }

    private Object sharedMiss() {
        return miss(ProcessorSlots.slotOf(Thread.currentThread(), mask));
    }

    private Object destroyed() {
        throw destroyedException();
    }

    /**
     * Handles a miss on {@code slot}: asks the entry's current root for the slot's Rep under the
     * entry's read lock and installs it, so that the next call on the slot goes straight to it.
     */
    private Object miss(int slot) {
        Lock readLock = entry.missLock().readLock();
        readLock.lock();
        try {
            if (destroyed) {
                throw destroyedException();
            }
            Root<?> root = entry.root();
            Object rep = root.handleMiss(slot);
            if (!type.isInstance(rep)) {
                throw new IllegalStateException("clustered object '" + name + "': Rep " + rep.getClass().getName()
                        + " of " + root.getClass().getName() + " does not implement " + type.getName());
            }
            if (root.kind() == RootKind.SHARED) {
                installShared(rep);
            } else {
                SLOTS.setRelease(reps, slot, rep);
            }
            return rep;
        } finally {
            readLock.unlock();
        }
    }

    private synchronized void installShared(Object rep) {
        // Racing first calls each reach here under the read lock; only the first retargets.
        if (path == Path.SHARED_MISS) {
            retarget(Path.SHARED_REP, MethodHandles.constant(type, rep));
        }
    }

    /**
     * After the entry's root was swung (a swap's interposition or completion): empties every
     * slot and points the call site at the path that suits the new root, so that the next call
     * on any slot misses into it. Calls already inside old Reps are not affected. The caller
     * holds the entry's write lock.
     */
    public void locked_resetForCurrentRoot() {
        assert entry.missLock().isWriteLockedByCurrentThread();
        clearSlots();
        Root<?> root = entry.root();
        if (root.kind() == RootKind.SHARED) {
            Object rep = root.repAt(0);
            if (type.isInstance(rep)) { // already made (a swap's probe): fold it now, not on a client's miss
                retarget(Path.SHARED_REP, MethodHandles.constant(type, rep));
            } else {
                retarget(Path.SHARED_MISS, SHARED_MISS.bindTo(this).asType(site.type()));
            }
        } else if (path != Path.SLOT_LOOKUP) { // already there: spare the deoptimisation
            retarget(Path.SLOT_LOOKUP, slotLookup);
        }
    }

    /** Points the call site at the path that suits the entry's root; called once when the object is created. */
    void initialise() {
        Lock writeLock = entry.missLock().writeLock();
        writeLock.lock();
        try {
            locked_resetForCurrentRoot();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Marks the object destroyed: every later call through its stub throws, and a call racing in
     * through a slot misses and throws. The caller holds the entry's write lock.
     */
    void locked_destroy() {
        assert entry.missLock().isWriteLockedByCurrentThread();
        destroyed = true;
        clearSlots();
        retarget(Path.DESTROYED, DESTROYED.bindTo(this).asType(site.type()));
    }

    /**
     * Whether the object was destroyed.
     *
     * @return true once destroyed
     */
    public boolean isDestroyed() {
        return destroyed;
    }

    /**
     * The exception a call on a destroyed object gets.
     *
     * @return a new exception naming the object
     */
    public IllegalStateException destroyedException() {
        return new IllegalStateException("clustered object '" + name + "' (" + type.getName()
                + ") was destroyed; its handle is stale");
    }

    private void clearSlots() {
        for (int i = 0; i < reps.length; i++) {
            SLOTS.setRelease(reps, i, null);
        }
    }

    private synchronized void retarget(Path newPath, MethodHandle newTarget) {
        path = newPath;
        site.setTarget(newTarget);
    }
}
