package io.swapline.core.table;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.swapline.api.ClusteredObject;
import io.swapline.api.DistributedRoot;
import io.swapline.api.RepFailure;
import io.swapline.api.SwapRecord;
import io.swapline.api.SwapRefusedException;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.core.fixtures.Counter;
import io.swapline.core.fixtures.StatelessRoots;
import io.swapline.core.fixtures.Threads;

/**
 * A Rep factory that fails only after a swap (Reps are made lazily, per slot): the calls on the
 * slots it fails for get its exception unchanged, each cause is logged once at WARNING and counted
 * in {@link ClusteredObject#repFailures()}. Without the counting, thousands of calls failed with
 * no log line and nothing showed it.
 *
 * <p>The log is read where core's {@code System.Logger} writes without a logging bridge: the
 * JDK's default finder hands it to {@code java.util.logging}, under the class's name.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RepFactoryFailingAfterSwapTest {

    private static final int SLOTS = 8;
    private static final int MASK = SLOTS - 1;

    private final ClusteredObjectRuntime runtime = new ClusteredObjectRuntime(SLOTS);
    private final Logger julLogger = Logger.getLogger(RepFailures.class.getName()); // held: JUL keeps loggers weakly
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        julLogger.addHandler(capture);
    }

    @AfterEach
    void close() {
        julLogger.removeHandler(capture);
        runtime.objects().forEach(runtime::destroy);
        runtime.close();
    }

    @Test
    void callsOnSlotsTheFactoryFailsForGetItsExceptionAndOneWarning() throws Exception {
        ClusteredObject<Counter> object = runtime.create("cells", Counter.class, StatelessRoots.shared(Rep::new));
        FailingAfterFirstRep failing = new FailingAfterFirstRep("cells 2.0");
        assertTrue(runtime.swap(object, failing).completed(), "the swap's probe Rep was made");
        int driverSlot = ProcessorSlots.slotOf(Thread.currentThread(), MASK);
        int otherSlot = (driverSlot + 3) & MASK;

        List<Throwable> caught = new ArrayList<>();
        runOnSlot(otherSlot, () -> {
            for (int i = 0; i < 100; i++) {
                caught.add(assertThrows(IllegalStateException.class, () -> object.stub().get()));
            }
        });

        assertEquals(100, caught.size());
        assertEquals(failing.thrown.size(), caught.size(), "every call on the slot asked newRep again");
        List<Throwable> thrown = new ArrayList<>(failing.thrown);
        for (int i = 0; i < caught.size(); i++) {
            assertSame(thrown.get(i), caught.get(i), "the implementation's exception, unchanged");
        }
        assertEquals(driverSlot, object.stub().get(), "the driver's slot has the probe Rep and serves");

        assertEquals(1, logged.size(), () -> "one line for 100 failures of one cause: " + messages());
        LogRecord line = logged.get(0);
        assertEquals(Level.WARNING, line.getLevel());
        assertSame(thrown.get(0), line.getThrown(), "the first failure, with its stack trace");
        for (String part : List.of("'cells'", "cells 2.0", "Rep " + otherSlot, "slot " + otherSlot,
                "no cell for Rep " + otherSlot)) {
            assertTrue(line.getMessage().contains(part), () -> "names " + part + ": " + line.getMessage());
        }

        List<RepFailure> failures = object.repFailures();
        assertEquals(1, failures.size(), failures::toString);
        RepFailure cause = failures.get(0);
        assertEquals("cells 2.0", cause.implementationName());
        assertEquals(100, cause.count());
        assertEquals(otherSlot, cause.slot());
        assertEquals(otherSlot, cause.repIndex());
        assertEquals(thrown.get(0).toString(), cause.exception());
        assertTrue(cause.thrownAt().contains("FailingAfterFirstRep.newRep"), cause::toString);
        assertFalse(cause.lastAt().isBefore(cause.firstAt()), cause::toString);
    }

    @Test
    void concurrentMissesOnSeveralSlotsAreAllCountedToOneCause() throws Exception {
        ClusteredObject<Counter> object = runtime.create("cells", Counter.class, StatelessRoots.shared(Rep::new));
        FailingAfterFirstRep failing = new FailingAfterFirstRep("cells 2.0");
        assertTrue(runtime.swap(object, failing).completed());
        int driverSlot = ProcessorSlots.slotOf(Thread.currentThread(), MASK);
        int threads = 6; // two per slot on three slots, so slots and threads both race
        int calls = 2_000;
        CyclicBarrier start = new CyclicBarrier(threads);
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        AtomicLong failedCalls = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int slot = (driverSlot + 1 + t % 3) & MASK;
            workers.add(threadOnSlot(slot, () -> {
                try {
                    start.await(30, TimeUnit.SECONDS);
                    for (int i = 0; i < calls; i++) {
                        try {
                            object.stub().increment();
                            unexpected.add(new AssertionError("a call on a failing slot succeeded"));
                        } catch (IllegalStateException expected) {
                            failedCalls.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    unexpected.add(e);
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(worker.isAlive(), worker.getName() + " did not finish");
        }

        assertTrue(unexpected.isEmpty(), () -> "worker threads failed: " + unexpected);
        assertEquals((long) threads * calls, failedCalls.get());
        assertTrue(failing.interleavings > 0, "the threads' misses interleaved (the race happened)");
        List<RepFailure> failures = object.repFailures();
        assertEquals(1, failures.size(), () -> "one throw site, whatever the message: " + failures);
        assertEquals((long) threads * calls, failures.get(0).count(), failures::toString);
        assertEquals(1, logged.size(), this::messages);
    }

    @Test
    void eachNewImplementationIsItsOwnCauseAndTheObjectKeepsTheLatestEight() throws Exception {
        ClusteredObject<Counter> object = runtime.create("cells", Counter.class, StatelessRoots.shared(Rep::new));
        int driverSlot = ProcessorSlots.slotOf(Thread.currentThread(), MASK);
        int causes = RepFailures.LIMIT + 2;
        for (int i = 1; i <= causes; i++) {
            assertTrue(runtime.swap(object, new FailingAfterFirstRep("cells")).completed()); // same class, same name
            int calls = i;
            runOnSlot((driverSlot + 1) & MASK, () -> {
                for (int c = 0; c < calls; c++) {
                    assertThrows(IllegalStateException.class, () -> object.stub().get());
                }
            });
        }

        assertEquals(causes, logged.size(), () -> "a new implementation failing again logs again: " + messages());
        List<RepFailure> failures = object.repFailures();
        assertEquals(RepFailures.LIMIT, failures.size(), failures::toString);
        for (int i = 0; i < failures.size(); i++) {
            assertEquals(i + 3, failures.get(i).count(), () -> "the two oldest causes were dropped: " + failures);
        }
    }

    @Test
    void aFailureWhileTheSwapIsPreparedRefusesTheSwapAndIsNotCounted() {
        ClusteredObject<Counter> object = runtime.create("cells", Counter.class, StatelessRoots.shared(Rep::new));
        DistributedRoot<Counter> alwaysFailing = StatelessRoots.distributed(index -> {
            throw new IllegalStateException("never");
        });

        assertThrows(SwapRefusedException.class, () -> runtime.swap(object, alwaysFailing));

        assertEquals(List.of(), object.repFailures());
        assertEquals(List.of(), logged, "the refusal is the swap's record, not a log line of the call path");
    }

    @Test
    void anExceptionWithoutStackTraceCountsToTheLatestCauseOfItsClass() throws Exception {
        ClusteredObject<Counter> object = runtime.create("cells", Counter.class, StatelessRoots.shared(Rep::new));
        FailingAfterFirstRep failing = new FailingAfterFirstRep("cells 2.0");
        assertTrue(runtime.swap(object, failing).completed());
        int slot = (ProcessorSlots.slotOf(Thread.currentThread(), MASK) + 1) & MASK;

        runOnSlot(slot, () -> {
            assertThrows(IllegalStateException.class, () -> object.stub().get());
            failing.withoutStackTrace = true; // as HotSpot's preallocated exceptions of a hot throw site
            assertThrows(IllegalStateException.class, () -> object.stub().get());
        });

        List<RepFailure> failures = object.repFailures();
        assertEquals(1, failures.size(), failures::toString);
        assertEquals(2, failures.get(0).count());
        assertEquals(1, logged.size(), this::messages);
    }

    @Test
    void aForwardedCallOnASlotTheOldImplementationFailsForIsCountedToo() throws Exception {
        int failSlot = 5;
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DistributedRoot<Counter> old = new DistributedRoot<>() {
            @Override
            protected Counter newRep(int repIndex) {
                if (repIndex == failSlot) {
                    throw new IllegalStateException("no cell for Rep " + repIndex);
                }
                return new Rep(repIndex) {
                    @Override
                    public long increment() { // holds the call that starts before the swap
                        entered.countDown();
                        await(release);
                        return super.increment();
                    }
                };
            }

            @Override
            public boolean isStateless() {
                return true;
            }

            @Override
            public String implementationName() {
                return "cells 1.0";
            }
        };
        ClusteredObject<Counter> object = runtime.create("cells", Counter.class, old);
        Thread early = threadOnSlot(1, () -> object.stub().increment());
        early.start();
        assertTrue(entered.await(30, TimeUnit.SECONDS), "the early call is inside the old implementation");
        CompletableFuture<SwapRecord> swap = new CompletableFuture<>();
        Thread driver = threadOnSlot(2, () -> {
            try {
                swap.complete(runtime.swap(object, StatelessRoots.distributed(Rep::new)));
            } catch (Throwable e) {
                swap.completeExceptionally(e);
            }
        });
        driver.start();
        Threads.awaitFrame(driver, "Swap.forward"); // waits for the early call: new calls are forwarded

        runOnSlot(failSlot, () -> assertThrows(IllegalStateException.class, () -> object.stub().get()));
        release.countDown();

        SwapRecord record = swap.get(30, TimeUnit.SECONDS);
        assertTrue(record.completed(), record::toString);
        assertTrue(record.callsForwarded() >= 1, () -> "the failing call went through the Mediator: " + record);
        List<RepFailure> failures = object.repFailures();
        assertEquals(1, failures.size(), failures::toString);
        assertEquals("cells 1.0", failures.get(0).implementationName());
        assertEquals(failSlot, failures.get(0).slot());
        assertEquals(1, logged.size(), this::messages);
        early.join(TimeUnit.SECONDS.toMillis(30));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private String messages() {
        return logged.stream().map(LogRecord::getMessage).toList().toString();
    }

    /** Runs {@code body} on a new thread whose slot is {@code slot}, and rethrows what it threw. */
    private static void runOnSlot(int slot, ThrowingRunnable body) throws Exception {
        Throwable[] failure = new Throwable[1];
        Thread thread = threadOnSlot(slot, () -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        thread.start();
        thread.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(thread.isAlive(), "the caller on slot " + slot + " did not finish");
        if (failure[0] instanceof Error error) {
            throw error;
        }
        if (failure[0] instanceof Exception exception) {
            throw exception;
        }
    }

    /** A new, unstarted thread whose id maps to {@code slot} (ids are handed out in order). */
    private static Thread threadOnSlot(int slot, Runnable body) {
        while (true) {
            Thread thread = new Thread(body, "caller-on-slot-" + slot);
            if (ProcessorSlots.slotOf(thread, MASK) == slot) {
                return thread;
            }
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** A Rep that answers its index. */
    static class Rep implements Counter {
        private final long index;

        Rep() {
            this(0);
        }

        Rep(int index) {
            this.index = index;
        }

        @Override
        public long increment() {
            return index;
        }

        @Override
        public long get() {
            return index;
        }
    }

    /**
     * Makes the first Rep it is asked for (the swap's probe) and fails for every other index, with
     * a message that names the index: one throw site, a message per slot.
     */
    static final class FailingAfterFirstRep extends DistributedRoot<Counter> {
        private final String name;
        // Written under the root's monitor (newRep's); read by the test after joining the callers.
        final List<IllegalStateException> thrown = new ArrayList<>();
        volatile boolean withoutStackTrace;
        long interleavings;
        private boolean madeOne;
        private Thread lastCaller;

        FailingAfterFirstRep(String name) {
            this.name = name;
        }

        @Override
        protected Counter newRep(int repIndex) {
            if (!madeOne) {
                madeOne = true;
                return new Rep(repIndex);
            }
            if (lastCaller != null && lastCaller != Thread.currentThread()) {
                interleavings++;
            }
            lastCaller = Thread.currentThread();
            IllegalStateException failure = new IllegalStateException("no cell for Rep " + repIndex);
            if (withoutStackTrace) {
                failure.setStackTrace(new StackTraceElement[0]);
            }
            if (thrown.size() < 1_000) {
                thrown.add(failure);
            }
            throw failure;
        }

        @Override
        public boolean isStateless() {
            return true;
        }

        @Override
        public String implementationName() {
            return name;
        }
    }
}
