package io.swapline.core.swap;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import io.swapline.api.DistributedRoot;
import io.swapline.api.Root;
import io.swapline.api.SwapPhase;
import io.swapline.api.SwapTimeoutException;
import io.swapline.core.quiesce.ForwardedCalls;
import io.swapline.core.stub.CallMediator;
import io.swapline.core.stub.MediatorGlues;
import io.swapline.core.table.LocalTable;

/**
 * The Mediator of one swap: the root interposed in front of the old implementation, whose Reps
 * (generated glue, one per slot that misses) send every call through {@link #enter()},
 * {@link #target(int)} and {@link #exit(int)}.
 *
 * <h2>State</h2>
 * The phase and the number of tracked calls in flight share one atomic word,
 * {@code phase << 32 | inFlight}. A call is counted only by a compare-and-set that also checks
 * the phase, and the swap leaves Block only by a compare-and-set from {@code (BLOCK, 0)} to
 * {@code (TRANSFER, 0)}; so no call can slip into the old implementation after quiescence was
 * established. (K42 keeps a counter per processor; here a swap lasts milliseconds and one word
 * makes the phase change and the count atomic together.)
 *
 * <h2>Threads</h2>
 * Only the swap's driver ({@link Swap}) changes the phase; client threads only add and remove
 * themselves from the count, and the last tracked call leaving during Block wakes the driver.
 */
final class Mediator implements CallMediator {

    static final int TRACKED = 0;
    static final int TO_OLD = 1;
    static final int TO_NEW = 2;

    private static final SwapPhase[] PHASES = SwapPhase.values();
    private static final long ONE_CALL = 1;
    private static final int PHASE_SHIFT = 32;

    private final String objectName;
    private final LocalTable table;
    private final Root<?> oldRoot;
    private final Root<?> newRoot;
    private final SwapContext context;
    private final Root<Object> root;
    private final AtomicLong state = new AtomicLong(word(SwapPhase.FORWARD, 0));
    private final CountDownLatch ended = new CountDownLatch(1);
    private final LongAdder forwarded = new LongAdder();
    private final LongAdder blocked = new LongAdder();
    /**
     * When the earliest blocked call began to wait. Every blocked call is released at the same
     * moment, so the longest block is the release time minus this; the driver computes it when
     * it releases them, without waiting for the woken threads to report.
     */
    private final AtomicLong firstBlockedAt = new AtomicLong(Long.MAX_VALUE);
    private volatile long releasedAt;
    /** Tracked calls per thread, for the stack check to see a thread make progress. */
    private final ConcurrentHashMap<Thread, AtomicLong> trackedByThread = new ConcurrentHashMap<>();
    private final Thread driver;
    private final MediatorGlues.Glue<Object> glue;

    @SuppressWarnings("unchecked")
    Mediator(LocalTable table, Root<?> oldRoot, Root<?> newRoot, SwapContext context) {
        this.objectName = table.name();
        this.table = table;
        this.oldRoot = oldRoot;
        this.newRoot = newRoot;
        this.context = context;
        this.driver = Thread.currentThread();
        this.glue = MediatorGlues.defineFor((Class<Object>) table.type());
        this.root = DistributedRoot.of(slot -> glue.newRep(this));
        this.root.attach(table.entry().root().slotCount());
    }

    /** The binary name of this swap's glue class, which marks tracked calls in stack traces. */
    String glueClassName() {
        return glue.className();
    }

    /** The root interposed in the object's translation entry. */
    Root<Object> root() {
        return root;
    }

    // ---- the mediation routine, run by client threads -------------------------------------

    @Override
    public int enter() {
        while (true) {
            long word = state.get();
            switch (phaseOf(word)) {
                case FORWARD:
                    if (state.compareAndSet(word, word + ONE_CALL)) {
                        return tracked();
                    }
                    break; // lost a race with another call or a phase change: look again
                case BLOCK:
                    if (!ForwardedCalls.isInsideForwardedCall()) {
                        return awaitEnd();
                    }
                    if (state.compareAndSet(word, word + ONE_CALL)) { // reentrant: let it through
                        return tracked();
                    }
                    break;
                case TRANSFER:
                    return awaitEnd();
                case COMPLETE:
                    return TO_NEW;
                case ROLLED_BACK:
                    return TO_OLD;
                default:
                    throw new IllegalStateException("Mediator of '" + objectName + "' in " + phaseOf(word));
            }
        }
    }

    @Override
    public Object target(int token) {
        Root<?> serving = token == TO_NEW ? newRoot : oldRoot;
        int slot = table.currentSlot();
        try {
            return serving.handleMiss(slot);
        } catch (Throwable e) { // newRep failed on a slot it had not made a Rep for: counted, rethrown as it is
            table.repFailures().failed(serving, slot, e);
            throw e;
        }
    }

    @Override
    public void exit(int token) {
        if (token != TRACKED) {
            return;
        }
        ForwardedCalls.exit();
        long word = state.addAndGet(-ONE_CALL);
        if (inFlightOf(word) == 0 && phaseOf(word) == SwapPhase.BLOCK) {
            LockSupport.unpark(driver); // the last forwarded call has left: Block may end
        }
    }

    private int tracked() {
        ForwardedCalls.enter();
        forwarded.increment();
        trackedByThread.computeIfAbsent(Thread.currentThread(), thread -> new AtomicLong()).incrementAndGet();
        return TRACKED;
    }

    /**
     * How many calls of a thread this Mediator has tracked so far.
     *
     * @param thread a thread
     * @return the count
     */
    long trackedCalls(Thread thread) {
        AtomicLong count = trackedByThread.get(thread);
        return count == null ? 0 : count.get();
    }

    private int awaitEnd() {
        blocked.increment();
        firstBlockedAt.accumulateAndGet(System.nanoTime(), Math::min);
        boolean released;
        try {
            released = ended.await(context.blockedCall().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SwapTimeoutException("call on clustered object '" + objectName
                    + "' interrupted while waiting for a swap to end");
        }
        if (!released) {
            throw new SwapTimeoutException("call on clustered object '" + objectName + "' waited "
                    + context.blockedCall().toMillis() + " ms for a swap to end");
        }
        return phaseOf(state.get()) == SwapPhase.COMPLETE ? TO_NEW : TO_OLD;
    }

    // ---- phase changes, run by the swap's driver ------------------------------------------

    SwapPhase phase() {
        return phaseOf(state.get());
    }

    /** Forward → Block: from now on unmarked calls wait. */
    void block() {
        move(SwapPhase.FORWARD, SwapPhase.BLOCK);
    }

    /**
     * Waits until no tracked call is in flight, then enters Transfer in the same atomic step.
     *
     * @param deadlineNanos the {@link System#nanoTime()} by which it must happen
     * @return true if quiescent, false if the deadline passed (still in Block)
     */
    boolean awaitQuiescence(long deadlineNanos) {
        long blockedWord = word(SwapPhase.BLOCK, 0);
        while (!state.compareAndSet(blockedWord, word(SwapPhase.TRANSFER, 0))) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            LockSupport.parkNanos(this, remaining); // woken by the last exit(), or re-checks on spurious wake
        }
        return true;
    }

    /** Transfer → Complete: blocked calls resume on the new implementation. */
    void complete() {
        move(SwapPhase.TRANSFER, SwapPhase.COMPLETE);
        release();
    }

    /** Any live phase → Rolled back: blocked and later calls go to the old implementation. */
    void rollBack() {
        while (true) {
            long word = state.get();
            SwapPhase phase = phaseOf(word);
            if (!phase.canMoveTo(SwapPhase.ROLLED_BACK)) {
                throw new IllegalStateException("cannot roll back the swap of '" + objectName + "' from " + phase);
            }
            if (state.compareAndSet(word, word(SwapPhase.ROLLED_BACK, inFlightOf(word)))) {
                release();
                return;
            }
        }
    }

    long callsForwarded() {
        return forwarded.sum();
    }

    long callsBlocked() {
        return blocked.sum();
    }

    private void release() {
        releasedAt = System.nanoTime();
        ended.countDown();
    }

    /** The longest time a call waited; complete once the blocked calls have been released. */
    long longestBlockNanos() {
        long first = firstBlockedAt.get();
        return first == Long.MAX_VALUE ? 0 : Math.max(0, releasedAt - first);
    }

    private void move(SwapPhase from, SwapPhase to) {
        assert from.canMoveTo(to);
        while (true) {
            long word = state.get();
            if (phaseOf(word) != from) {
                throw new IllegalStateException("swap of '" + objectName + "' is in " + phaseOf(word) + ", not " + from);
            }
            if (state.compareAndSet(word, word(to, inFlightOf(word)))) {
                return;
            }
        }
    }

    private static long word(SwapPhase phase, long inFlight) {
        return ((long) phase.ordinal() << PHASE_SHIFT) | inFlight;
    }

    private static SwapPhase phaseOf(long word) {
        return PHASES[(int) (word >>> PHASE_SHIFT)];
    }

    private static long inFlightOf(long word) {
        return word & 0xFFFF_FFFFL;
    }
}
