package io.swapline.core.table;

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
 * The stub of the object reads a {@link MutableCallSite} of type {@code ()Object} through a
 * {@code static final} handle, so the JIT treats the site's target as a constant and
 * recompiles dependents when it changes. The target is a constant, one of:
 * <ul>
 *   <li><b>the Rep itself</b>: for a shared root after its first miss. The stub sees an
 *       instance of the interface and calls it; the JIT folds the whole path, so a call costs
 *       what a direct call costs. A retarget deoptimises the code that folded it (about half a
 *       millisecond), which is why only swaps and destroys retarget.
 *   <li><b>this table</b>: for everything else. The stub sees a table (not an instance of the
 *       interface) and reads the calling thread's slot of {@link #slots()} — one Rep pointer per
 *       slot; the array and its mask are constants of the stub class — with opaque semantics.
 *       Opaque, because a plain read of the array was observed to be hoisted out of a caller's
 *       loop, so the looping caller never saw a swap; an opaque read is a plain load on x86 but
 *       may not be hoisted. An empty slot {@linkplain #miss misses} into the entry's root: a
 *       distributed or clustered root fills the slot, a shared root retargets the site to its
 *       Rep, a Mediator fills the slot with its glue, and a destroyed object throws.
 * </ul>
 * Both targets are plain constants, so between a retarget and the JIT recompiling, an
 * interpreted caller spends only a few bytecodes resolving its target.
 *
 * <h2>Concurrency</h2>
 * Slots and the call target are changed only under the entry's lock: misses fill a slot or
 * install the shared Rep under the read lock; swaps and destroy clear slots and retarget under
 * the write lock, so no miss can re-install a Rep of a root that has just been swung away.
 * Nothing on the call path writes anything.
 */
public final class LocalTable {

    /** The type of every object's call site. */
    public static final MethodType TARGET_TYPE = MethodType.methodType(Object.class);

    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);

    private final String name;
    private final Class<?> type;
    private final TranslationEntry entry;
    private final Object[] reps;
    private final int mask;
    private final MutableCallSite site = new MutableCallSite(TARGET_TYPE);
    private final RepFailures repFailures;
    /** Whether the site points at a shared Rep rather than at this table. Written under this and the entry's lock. */
    private boolean targetIsRep;
    private volatile boolean destroyed;
    private Object stub; // set once, by the stub class's initialiser, before the table is published

    LocalTable(String name, Class<?> type, TranslationEntry entry, int slots) {
        this.name = name;
        this.type = type;
        this.entry = entry;
        this.reps = new Object[slots];
        this.mask = slots - 1;
        this.repFailures = new RepFailures(name);
        site.setTarget(MethodHandles.constant(Object.class, this));
    }

    /**
     * The call site a stub of this object links to.
     *
     * @return the call site, of type {@link #TARGET_TYPE}
     */
    public MutableCallSite callSite() {
        return site;
    }

    /**
     * Binds the object's stub; called once by the stub class's static initialiser.
     *
     * @param instance the stub
     * @throws IllegalStateException if a stub is already bound
     */
    public synchronized void bindStub(Object instance) {
        if (stub != null) {
            throw new IllegalStateException("clustered object '" + name + "' already has a stub");
        }
        stub = instance;
    }

    /**
     * The object's stub, once bound.
     *
     * @return the stub, or null before the stub class is initialised
     */
    public synchronized Object stub() {
        return stub;
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
     * The slots, one Rep pointer each, for the stub's {@code static final} field. Generated code
     * reads them with opaque semantics and writes nothing; everything else goes through this
     * class.
     *
     * @return the slot array itself
     */
    public Object[] slots() {
        return reps;
    }

    /**
     * The number of slots.
     *
     * @return a power of two
     */
    public int slotCount() {
        return reps.length;
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

    /**
     * The calls of this object that failed because its implementation could not make a Rep.
     *
     * @return the object's failures
     */
    public RepFailures repFailures() {
        return repFailures;
    }

    /**
     * Handles a miss on {@code slot}: asks the entry's current root for the slot's Rep under the
     * entry's read lock and installs it, so that the next call on the slot goes straight to it.
     * Called by the stub when the slot it read was empty.
     *
     * <p>If the root cannot make the Rep (its {@code newRep} throws, or makes a Rep of the wrong
     * type), the slot stays empty and the call gets that exception unchanged; the failure is
     * counted in {@link #repFailures()}, which logs each cause once, after the lock is released.
     *
     * @param slot the calling thread's slot
     * @return the Rep for the slot
     * @throws IllegalStateException if the object was destroyed, or its Rep does not implement its interface
     */
    public Object miss(int slot) {
        Lock readLock = entry.missLock().readLock();
        Root<?> root = null;
        Throwable failure = null;
        readLock.lock();
        try {
            if (destroyed) {
                throw destroyedException();
            }
            root = entry.root();
            Object rep;
            try {
                rep = root.handleMiss(slot);
            } catch (Throwable e) { // the implementation's own exception: counted below, rethrown as it is
                failure = e;
                throw e;
            }
            if (!type.isInstance(rep)) {
                IllegalStateException wrongType = new IllegalStateException("clustered object '" + name + "': Rep "
                        + rep.getClass().getName() + " of " + root.implementationName() + " does not implement "
                        + type.getName());
                failure = wrongType;
                throw wrongType;
            }
            if (root.kind() == RootKind.SHARED) {
                targetFirstRep(rep);
            } else {
                SLOTS.setRelease(reps, slot, rep);
            }
            return rep;
        } finally {
            readLock.unlock();
            if (failure != null) { // outside the lock: a slow log must not hold up a swap's write lock
                repFailures.failed(root, slot, failure);
            }
        }
    }

    /**
     * After the entry's root was swung (a swap's interposition, completion or rollback):
     * empties every slot and points the call site at the path that suits the new root, so that
     * the next call on any slot misses into it. Calls already inside old Reps are not affected.
     * The caller holds the entry's write lock.
     *
     * <p>With {@code recompileCallers}, the site is retargeted even when it stays at this table
     * (a fresh constant of the same table), which invalidates every compiled method that folded
     * it: the stub's own code and the callers' loops it was inlined into. A swap does this at
     * its end, so that code compiled while the Mediator was interposed (its glue call hot, the
     * call into a slot's Rep cold or never reached) does not outlive the swap: recompiled, the
     * callers inline the new Rep. It costs one deoptimisation of the object's callers, as a
     * retarget to a Rep does.
     *
     * @param recompileCallers whether to retarget even if the target does not change
     */
    public void locked_resetForCurrentRoot(boolean recompileCallers) {
        assert entry.missLock().isWriteLockedByCurrentThread();
        clearSlots();
        Root<?> root = entry.root();
        Object sharedRep = root.kind() == RootKind.SHARED ? root.repAt(0) : null;
        if (type.isInstance(sharedRep)) {
            retarget(sharedRep); // already made (a swap's probe): fold it now, not on a client's miss
        } else if (targetIsRep || recompileCallers) { // else already at the table: spare the deoptimisation
            retarget(this);
        }
    }

    /**
     * Marks the object destroyed: every later call through its stub misses and throws. The
     * caller holds the entry's write lock.
     */
    void locked_destroy() {
        assert entry.missLock().isWriteLockedByCurrentThread();
        destroyed = true;
        clearSlots();
        if (targetIsRep) {
            retarget(this);
        }
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

    private synchronized void targetFirstRep(Object rep) {
        // Racing first calls of a shared root each reach here under the read lock; only the first retargets.
        if (!targetIsRep) {
            retarget(rep);
        }
    }

    private synchronized void retarget(Object constant) {
        targetIsRep = constant != this;
        site.setTarget(MethodHandles.constant(Object.class, constant));
    }
}
