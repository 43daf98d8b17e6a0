package io.swapline.core.swap;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import io.swapline.api.Root;
import io.swapline.api.SwapPhase;
import io.swapline.api.SwapRecord;
import io.swapline.api.SwapRefusedException;
import io.swapline.core.quiesce.StackCheck;
import io.swapline.core.table.LocalTable;
import io.swapline.core.table.TranslationEntry;
import io.swapline.core.transfer.ProtocolNegotiation;
import io.swapline.core.transfer.StateTransfer;

/**
 * One hot swap, driven through its phases by the thread that requested it (seed ¶35–46):
 * {@link #prepare() prepare} → {@link #interpose() interpose} and {@link #forward() forward} →
 * {@link #block() block} → {@link #transfer() transfer} → {@link #complete() complete}, or
 * {@link #rollBack(String) roll back} from any phase after interposition.
 *
 * <p>Only this driver changes the Mediator's phase and the object's translation entry. The
 * expensive steps — retargeting the call site (a deoptimisation) and walking thread stacks —
 * happen before Block or after blocked calls have been released, never while calls wait.
 */
public final class Swap {

    private static final System.Logger LOG = System.getLogger(Swap.class.getName());

    /** Rechecks without pausing first: taking a thread's stack trace already takes tens of microseconds. */
    private static final int QUICK_RECHECKS = 64;
    private static final long FIRST_BACKOFF_NANOS = 50_000;
    private static final long MAX_BACKOFF_NANOS = 1_000_000;

    private final SwappableObject object;
    private final LocalTable table;
    private final Root<?> oldRoot;
    private final Root<?> newRoot;
    private final SwapContext context;
    private final PhaseClock clock = new PhaseClock();
    private final Instant startedAt = Instant.now();
    private ProtocolNegotiation.Result negotiated;
    private Mediator mediator;

    /**
     * A swap of {@code object} to {@code newRoot}. The caller holds the object's swap lock.
     *
     * @param object the object
     * @param newRoot the new implementation, not attached
     * @param context the runtime's swap settings
     */
    public Swap(SwappableObject object, Root<?> newRoot, SwapContext context) {
        this.object = object;
        this.table = object.table();
        this.oldRoot = object.currentRoot();
        this.newRoot = newRoot;
        this.context = context;
    }

    /**
     * Runs the swap to its end.
     *
     * @return the record of a completed or rolled-back swap
     * @throws SwapRefusedException if the swap was refused before interposition
     */
    public SwapRecord run() {
        clock.enter(SwapPhase.PREPARE);
        String refusal = prepare();
        if (refusal != null) {
            if (newRoot.slotCount() != 0) { // refused after attaching: it may hold a Rep, let it go
                destroyQuietly(newRoot, table.name());
            }
            throw new SwapRefusedException(record(SwapPhase.REFUSED, refusal));
        }
        clock.enter(SwapPhase.FORWARD);
        interpose();
        String failure;
        try {
            failure = quiesceAndTransfer();
        } catch (RuntimeException | Error e) { // never leave the Mediator interposed
            failure = "the swap itself failed: " + e;
        }
        if (failure != null) {
            rollBack(failure);
            return record(SwapPhase.ROLLED_BACK, failure);
        }
        clock.enter(SwapPhase.COMPLETE);
        complete();
        return record(SwapPhase.COMPLETE, null);
    }

    /**
     * Forward, Block and Transfer, each of which may end the swap.
     *
     * @return why the swap must roll back, or null
     */
    private String quiesceAndTransfer() {
        String failure = forward();
        if (failure == null) {
            clock.enter(SwapPhase.BLOCK);
            failure = block();
        }
        if (failure == null) {
            clock.enter(SwapPhase.TRANSFER);
            failure = transfer();
        }
        return failure;
    }

    /**
     * Instantiates the new implementation (attached, not installed) and negotiates the transfer
     * protocol; nothing is interposed yet.
     *
     * @return why the swap is refused, or null
     */
    private String prepare() {
        StackCheck self = new StackCheck(object.stubClassName(), "", thread -> 0);
        if (self.sight(Thread.currentThread().getStackTrace()) != StackCheck.Sighting.CLEAR) {
            return "requested from inside a call on the object itself, which would wait for itself";
        }
        negotiated = ProtocolNegotiation.negotiate(oldRoot, newRoot);
        if (negotiated.refusal() != null) {
            return negotiated.refusal();
        }
        newRoot.attach(oldRoot.slotCount());
        Object probe;
        try {
            probe = newRoot.handleMiss(table.currentSlot());
        } catch (RuntimeException | LinkageError e) {
            return newRoot.implementationName() + " could not create a Rep: " + e;
        }
        if (!table.type().isInstance(probe)) {
            return newRoot.implementationName() + " creates " + probe.getClass().getName() + ", which does not implement "
                    + table.type().getName();
        }
        mediator = new Mediator(table, oldRoot, newRoot, context);
        return null;
    }

    /**
     * Swings the entry's root to the Mediator with no miss in progress (write lock) and resets
     * every slot, so that the next call on any slot misses into a Mediator Rep. Calls already
     * inside old Reps go on undisturbed.
     */
    private void interpose() {
        swingRoot(mediator.root());
    }

    /**
     * Waits until no untracked call remains in the old implementation: two generation swaps
     * cover the platform's own activities, a stack check every other thread.
     *
     * @return why the swap must roll back, or null
     */
    private String forward() {
        long deadline = System.nanoTime() + context.forward().toNanos();
        CompletableFuture<Void> platformWork = context.activities().awaitOtherPriorActivities();
        StackCheck check = new StackCheck(object.stubClassName(), mediator.glueClassName(), mediator::trackedCalls);
        Thread driver = Thread.currentThread();
        check.scanAllThreads(thread -> thread == driver || context.activities().owns(thread));
        long backoff = FIRST_BACKOFF_NANOS;
        for (int rechecks = 0; !check.waitingFor().isEmpty(); rechecks++) {
            if (System.nanoTime() - deadline >= 0) {
                return "calls that started before the swap were still running after "
                        + context.forward().toMillis() + " ms in threads " + names(check.waitingFor());
            }
            if (rechecks >= QUICK_RECHECKS) {
                LockSupport.parkNanos(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
            }
            check.recheck();
        }
        try {
            platformWork.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (TimeoutException e) {
            return "platform activities that started before the swap were still running after "
                    + context.forward().toMillis() + " ms";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while waiting for old calls";
        } catch (ExecutionException e) {
            return "waiting for platform activities failed: " + e.getCause();
        }
    }

    /**
     * Blocks new calls (except reentrant ones) and waits until no forwarded call is in flight.
     *
     * @return why the swap must roll back, or null
     */
    private String block() {
        mediator.block();
        long deadline = System.nanoTime() + context.block().toNanos();
        if (mediator.awaitQuiescence(deadline)) {
            return null;
        }
        return "forwarded calls were still running after " + context.block().toMillis()
                + " ms of blocking (a call waiting on something a blocked call holds?)";
    }

    /**
     * Moves the state while the object is quiescent, on a platform thread so that an export or
     * import that never returns cannot hold the swap past its deadline.
     *
     * @return why the swap must roll back, or null
     */
    private String transfer() {
        CompletableFuture<Void> moved = new CompletableFuture<>();
        context.activities().execute(() -> {
            try {
                StateTransfer.run(negotiated, oldRoot, newRoot, context.activities()::execute);
                moved.complete(null);
            } catch (Throwable e) {
                moved.completeExceptionally(e);
            }
        });
        try {
            moved.get(context.transfer().toNanos(), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return "state transfer through " + negotiated.protocolName() + " failed: " + e.getCause();
        } catch (TimeoutException e) {
            return "state transfer through " + negotiated.protocolName() + " took longer than "
                    + context.transfer().toMillis() + " ms";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted during state transfer";
        }
    }

    /**
     * Releases blocked calls to the new implementation first, then swings the root and resets
     * the slots and call target for it (the deoptimisation happens after nobody waits any
     * more), then lets the old implementation go.
     */
    private void complete() {
        mediator.complete();
        swingRoot(newRoot);
        destroyQuietly(oldRoot, table.name());
    }

    /**
     * Sends every blocked and later call to the old implementation and puts its root back.
     *
     * @param reason why
     */
    private void rollBack(String reason) {
        mediator.rollBack();
        swingRoot(oldRoot);
        destroyQuietly(newRoot, table.name());
    }

    private void swingRoot(Root<?> root) {
        TranslationEntry entry = table.entry();
        Lock writeLock = entry.missLock().writeLock();
        writeLock.lock(); // no miss in progress while the root changes
        try {
            entry.locked_setRoot(root);
            boolean swapEnds = root != mediator.root(); // completion or rollback, not interposition
            if (swapEnds) {
                object.installRoot(root);
            }
            table.locked_resetForCurrentRoot(swapEnds); // at the end, recompile the callers: see the method
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Runs an implementation's destroy hook; a failure is logged and otherwise ignored, since
     * what was swapped or destroyed stays so.
     *
     * @param root the implementation let go
     * @param objectName its object, for the log
     */
    public static void destroyQuietly(Root<?> root, String objectName) {
        try {
            root.destroy();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "destroy hook of " + root.implementationName() + " (clustered object '"
                    + objectName + "') failed", e);
        }
    }

    private SwapRecord record(SwapPhase outcome, String reason) {
        return new SwapRecord(table.name(), oldRoot.implementationName(), newRoot.implementationName(),
                negotiated == null ? "none" : negotiated.protocolName(), outcome, reason, startedAt, clock.stop(),
                mediator == null ? 0 : mediator.callsForwarded(), mediator == null ? 0 : mediator.callsBlocked(),
                Duration.ofNanos(mediator == null ? 0 : mediator.longestBlockNanos()));
    }

    private static String names(Set<Thread> threads) {
        return threads.stream().map(Thread::getName).collect(Collectors.joining(", ", "[", "]"));
    }
}
