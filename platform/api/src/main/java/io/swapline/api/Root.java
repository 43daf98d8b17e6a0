package io.swapline.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The global part of a clustered object: it owns the object's shared data and creates the
 * Reps (the per-slot parts that implement the interface) on demand.
 *
 * <p>Extend {@link SharedRoot}, {@link DistributedRoot} or {@link ClusteredRoot} rather than
 * this class: they define how slots map to Reps and the {@link #kind()}. Put state that every
 * Rep shares in fields of your root, and give each Rep a reference to the root in
 * {@link #newRep(int)}: that reference is how a Rep reaches the shared data.
 *
 * <pre>{@code
 * public final class CellCounter extends DistributedRoot<Counter> {
 *     final AtomicLong base = new AtomicLong();        // shared by every Rep
 *
 *     protected Counter newRep(int repIndex) {
 *         return new Cell(this);                         // the Rep's way back to the root
 *     }
 *
 *     long total() {                                     // the root sees every Rep
 *         return base.get() + reps().stream().mapToLong(rep -> ((Cell) rep).count.get()).sum();
 *     }
 * }
 *
 * final class Cell implements Counter {
 *     final AtomicLong count = new AtomicLong();        // this Rep's own part
 *     private final CellCounter root;
 *     Cell(CellCounter root) { this.root = root; }
 *     public void increment() { count.incrementAndGet(); }
 *     public long get() { return root.total(); }
 * }
 * }</pre>
 *
 * <p><b>Miss handling.</b> A slot starts empty. The first call on a slot "misses": the runtime
 * calls {@link #handleMiss(int)}, which returns the Rep for that slot, creating it exactly
 * once even when several threads miss at the same time, and remembers that the slot missed.
 * Later calls on the slot go straight to the Rep.
 *
 * <p><b>Threads.</b> Reps are called concurrently by client threads and must be thread-safe;
 * the overridable methods below say on which thread the runtime calls them. The {@code public
 * final} methods are the runtime's: {@link #attach(int)} and {@link #handleMiss(int)} are not for
 * component code; the others ({@link #reps()}, {@link #repAt(int)}, {@link #repFor(int)},
 * {@link #repIndexes()}, ...) may be called by the root's own code once it is attached.
 *
 * <p>A root belongs to one clustered object: the runtime {@linkplain #attach(int) attaches}
 * it once, and attaching it a second time fails. Make a new root for every object and every
 * swap.
 *
 * @param <T> the interface the Reps implement
 */
@ConsumerType
public abstract class Root<T> {

    private volatile int slotCount;
    // Written only under the monitor of this root; read without it (misses are rare,
    // lookups of created Reps are not).
    private AtomicReferenceArray<T> reps;
    private AtomicLongArray missedSlots;

    /** Constructor for subclasses. */
    protected Root() {
    }

    /**
     * Creates the Rep with the given index. Called at most once per index, under this root's
     * monitor: on the thread of the first call that misses on a slot the Rep serves, or on the
     * thread driving a swap (which makes the new root's first Rep while it prepares the swap, and
     * the Reps a per-Rep import needs). Keep it short and do not call the clustered object from
     * here. An exception thrown here reaches the call that missed; while a swap is prepared it
     * refuses the swap, during an import it rolls the swap back.
     *
     * <p><b>Do not fail for a Rep you did not fail for while the swap was prepared.</b> A swap
     * makes one Rep of the new root to check it (the one for the swapping thread's slot) and makes
     * the others lazily, on the first call from a slot they serve, after the swap has completed,
     * when nothing can roll it back. So everything {@code newRep} needs (configuration,
     * resources, classes) must be there for every index once it has succeeded for one, and it
     * must not depend on the index for anything that can fail. If it does throw on a miss:
     * <ul>
     * <li>the call that missed gets the exception unchanged, no Rep is installed, and every later
     * call on a slot that Rep serves calls {@code newRep} again (and gets its exception until it
     * succeeds);</li>
     * <li>the runtime logs one WARNING per cause (this root, the exception's class and throw site)
     * naming the object, the implementation, the Rep index and slot, and the exception, and
     * counts the later failures of that cause instead of logging them;</li>
     * <li>the causes show in {@link ClusteredObject#repFailures()}, the object's MXBean
     * ({@code RepFailures}) and on OSGi {@code swapline:info}.</li>
     * </ul>
     * The fix is a new implementation: swap again (to a fixed version, or back to the previous
     * one), which replaces this root. Its own failures, if any, are counted apart from this one's.
     * The same holds for a Rep of the wrong type. A {@link SharedRoot} has one Rep, made while the
     * swap is prepared, so only distributed and clustered roots (and roots of your own) can fail
     * this way after a swap; any root can on the object's first calls.
     *
     * @param repIndex the index of the Rep, from 0 to {@link #repCount()} - 1
     * @return a new Rep; never null
     */
    protected abstract T newRep(int repIndex);

    /**
     * Maps a slot to the index of the Rep that serves it.
     *
     * @param slot a slot, from 0 to {@link #slotCount()} - 1
     * @return the Rep index
     */
    protected abstract int repIndexOf(int slot);

    /**
     * The number of Reps this root can have for the given number of slots.
     *
     * @param slots the number of slots of the runtime
     * @return the number of distinct Rep indexes
     */
    protected abstract int repCountFor(int slots);

    /**
     * The kind of this root.
     *
     * @return the kind
     */
    public abstract RootKind kind();

    /**
     * Binds this root to a runtime with the given number of slots. Called by the runtime
     * when the root becomes part of a clustered object; not for component code.
     *
     * @param slots the runtime's slot count, a power of two
     * @throws IllegalStateException if the root is already attached to an object
     */
    public final synchronized void attach(int slots) {
        if (slots <= 0 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slot count must be a power of two, was " + slots);
        }
        if (slotCount != 0) {
            throw new IllegalStateException(getClass().getName()
                    + " is already attached to a clustered object; a root belongs to exactly one");
        }
        reps = new AtomicReferenceArray<>(repCountFor(slots));
        missedSlots = new AtomicLongArray((slots + 63) >>> 6);
        slotCount = slots;
    }

    /**
     * Returns the Rep serving {@code slot}, creating it on the first miss. Called by the
     * runtime when a slot misses; racing misses on one slot get the same Rep.
     *
     * @param slot the slot that missed
     * @return the Rep for the slot
     * @throws IllegalStateException if the root is not attached
     */
    public final T handleMiss(int slot) {
        requireAttached();
        Objects.checkIndex(slot, slotCount);
        markMissed(slot);
        return repFor(repIndexOf(slot));
    }

    /**
     * The Reps created so far, in index order.
     *
     * @return a snapshot of the existing Reps
     */
    public final List<T> reps() {
        List<T> result = new ArrayList<>();
        if (slotCount != 0) {
            AtomicReferenceArray<T> table = reps;
            for (int i = 0; i < table.length(); i++) {
                T rep = table.get(i);
                if (rep != null) {
                    result.add(rep);
                }
            }
        }
        return result;
    }

    /**
     * The Rep with the given index, or null if no slot it serves has missed yet.
     *
     * @param repIndex the Rep index
     * @return the Rep or null
     */
    public final T repAt(int repIndex) {
        return requireAttached().get(repIndex);
    }

    /**
     * The slots that have missed on this root, in increasing order.
     *
     * @return the slot numbers
     */
    public final int[] missedSlots() {
        if (slotCount == 0) {
            return new int[0];
        }
        AtomicLongArray words = missedSlots;
        int[] result = new int[slotCount];
        int n = 0;
        for (int w = 0; w < words.length(); w++) {
            long bits = words.get(w);
            while (bits != 0) {
                result[n++] = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
            }
        }
        return Arrays.copyOf(result, n);
    }

    /**
     * The number of slots of the runtime this root is attached to, or 0 before it is attached.
     *
     * @return the slot count
     */
    public final int slotCount() {
        return slotCount;
    }

    /**
     * The number of Rep indexes this root has.
     *
     * @return the number of possible Reps
     * @throws IllegalStateException if the root is not attached
     */
    public final int repCount() {
        return requireAttached().length();
    }

    /**
     * A name for this implementation in swap records, logs and the shell. By default the root's
     * class name.
     *
     * @return the name
     */
    public String implementationName() {
        return getClass().getName();
    }

    /**
     * Whether this implementation has no state worth keeping, so that it can be swapped out (or
     * in) without a transfer protocol. Stateful by default: a swap between two implementations
     * that share no protocol is refused rather than silently dropping state. Read when a swap is
     * prepared, on the thread driving it.
     *
     * @return true if the implementation holds no state
     */
    public boolean isStateless() {
        return false;
    }

    /**
     * The protocols in which this implementation can hand its state to a successor. Read when a
     * swap away from it is prepared, on the thread driving the swap: the runtime intersects them
     * with the successor's {@link #importProtocols()} and picks the highest
     * {@linkplain TransferProtocol#bit() bit}. Return the family's constants (normally from the
     * interface's API bundle), the same set every time.
     *
     * @return the exportable protocols; empty by default
     */
    public Set<TransferProtocol<?>> exportProtocols() {
        return Set.of();
    }

    /**
     * The protocols in which this implementation can take over a predecessor's state. Read when a
     * swap to it is prepared, as {@link #exportProtocols()} is.
     *
     * @return the importable protocols; empty by default
     */
    public Set<TransferProtocol<?>> importProtocols() {
        return Set.of();
    }

    /**
     * Exports this implementation's state. Called once per swap, while the object is quiescent
     * (no call is running in it), by the thread driving the swap, with the protocol negotiated
     * for it. Throwing rolls the swap back.
     *
     * <p>Must not modify this implementation: if the import fails, the swap rolls back and this
     * implementation goes on serving with its state as it was.
     *
     * @param protocol one of {@link #exportProtocols()}
     * @param <S> the state type
     * @return the state, never null
     */
    public <S> S exportState(TransferProtocol<S> protocol) {
        throw new UnsupportedOperationException(implementationName() + " exports no state");
    }

    /**
     * Imports a predecessor's state before this implementation serves any call. Called once per
     * swap, by the thread driving the swap, before any Rep of this root has been called.
     * Throwing rolls the swap back; the predecessor keeps serving.
     *
     * @param protocol one of {@link #importProtocols()}
     * @param state the state exported by the predecessor
     * @param <S> the state type
     */
    public <S> void importState(TransferProtocol<S> protocol, S state) {
        throw new UnsupportedOperationException(implementationName() + " imports no state");
    }

    /**
     * Exports the state of one Rep for a {@linkplain TransferProtocol.Scope#REP per-Rep}
     * protocol. Called while the object is quiescent, for every Rep index this implementation
     * has created, from several threads at once (one Rep each). Must not modify the Rep.
     *
     * @param protocol one of {@link #exportProtocols()}, per Rep
     * @param repIndex the Rep's index
     * @param <S> the state type
     * @return the Rep's state, never null
     */
    public <S> S exportRepState(TransferProtocol<S> protocol, int repIndex) {
        throw new UnsupportedOperationException(implementationName() + " exports no per-Rep state");
    }

    /**
     * Imports the state of one Rep for a {@linkplain TransferProtocol.Scope#REP per-Rep}
     * protocol, into the Rep with the same index (create it with {@link #repFor(int)}). Called
     * from several threads at once, one Rep index each, before any call reaches this
     * implementation. Throwing rolls the swap back.
     *
     * @param protocol one of {@link #importProtocols()}, per Rep
     * @param repIndex the Rep's index
     * @param state the predecessor Rep's state
     * @param <S> the state type
     */
    public <S> void importRepState(TransferProtocol<S> protocol, int repIndex, S state) {
        throw new UnsupportedOperationException(implementationName() + " imports no per-Rep state");
    }

    /**
     * The Rep with the given index, created now if no slot has missed on it yet. For state
     * import; calls reach Reps through {@link #handleMiss(int)}.
     *
     * @param repIndex the Rep index
     * @return the Rep
     */
    public final T repFor(int repIndex) {
        AtomicReferenceArray<T> table = requireAttached();
        T rep = table.get(repIndex);
        if (rep != null) {
            return rep;
        }
        synchronized (this) {
            rep = table.get(repIndex); // recheck under the monitor: one Rep per index
            if (rep == null) {
                rep = Objects.requireNonNull(newRep(repIndex),
                        () -> getClass().getName() + ".newRep(" + repIndex + ") returned null");
                table.set(repIndex, rep);
            }
            return rep;
        }
    }

    /**
     * The indexes of the Reps created so far, in increasing order.
     *
     * @return the Rep indexes
     */
    public final int[] repIndexes() {
        if (slotCount == 0) {
            return new int[0];
        }
        AtomicReferenceArray<T> table = reps;
        int[] indexes = new int[table.length()];
        int n = 0;
        for (int i = 0; i < table.length(); i++) {
            if (table.get(i) != null) {
                indexes[n++] = i;
            }
        }
        return Arrays.copyOf(indexes, n);
    }

    /**
     * Releases this implementation's resources (threads, files, registrations) once the runtime
     * lets it go. Called at most once, on the thread driving the swap or the destroy, when no call
     * runs in the implementation any more and none will:
     * <ul>
     * <li>after a swap away from it has completed (it was the old implementation);</li>
     * <li>after a swap to it has rolled back (it was the new one and never served a call);</li>
     * <li>after a swap to it was refused ({@link SwapRefusedException}) once the runtime had
     * attached it and made a Rep to check its type (the Rep was of the wrong type, or
     * {@link #newRep(int)} threw);</li>
     * <li>when its object is destroyed while it serves.</li>
     * </ul>
     * A root refused before it was attached (the swap was asked for from inside a call on the
     * object, or the two sides share no transfer protocol) is left untouched and not destroyed. Does nothing by default. An exception thrown here is
     * logged and otherwise ignored: what was swapped or destroyed stays so.
     */
    public void destroy() {
    }

    private void markMissed(int slot) {
        int word = slot >>> 6;
        long bit = 1L << slot;
        long current = missedSlots.get(word);
        while ((current & bit) == 0 && !missedSlots.compareAndSet(word, current, current | bit)) {
            current = missedSlots.get(word);
        }
    }

    private AtomicReferenceArray<T> requireAttached() {
        if (slotCount == 0) { // volatile read first: it publishes reps and missedSlots
            throw new IllegalStateException(getClass().getName() + " is not attached to a clustered object");
        }
        return reps;
    }
}
