package io.swapline.core.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.swapline.api.ClusteredObject;
import io.swapline.api.RootKind;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.core.JitCompilation;
import io.swapline.core.table.ProcessorSlots;

/**
 * Guards what the swap's quiescence check relies on: another thread's
 * {@link Thread#getStackTrace()} of a thread inside a call through a stub shows the Rep's frame
 * directly above the stub's frame, and the stub's class is recognisable by its name
 * ({@code io.swapline.core.stub.generated.Stub$...}), with the client loop, stub and Rep
 * compiled by C2 (the stub and Rep inlined into the loop). On JDK 25,
 * {@code Thread.getStackTrace()} drops frames of hidden classes, so this must hold for the
 * classes the runtime actually generates on every supported JDK; the build runs this class on
 * JDK 17 and, where installed, on JDK 25 (tag {@code stack-visibility}).
 *
 * <p>The caller's last call starts once the loop's code in use is C2's alone (see
 * {@link JitCompilation}). A Rep held spinning normally stays in that code (its spin loop was
 * profiled during the warm-up); a Rep held on a latch may leave it (the latch's blocking path
 * was never profiled) — the blocked-thread case. Whether the loop's C2 code was still in use
 * when the stack was taken is printed with the stack, not asserted: HotSpot may replace it
 * at any time (JDK 25 was seen to), and the frames must show either way.
 */
@Tag("jit")
@Tag("stack-visibility")
class StubFramesInOtherThreadsStackTracesTest {

    private static final String STUB_CLASS_PREFIX = "io.swapline.core.stub.generated.Stub$";
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final CountDownLatch OPEN = new CountDownLatch(0);

    public interface Work {
        long work(long x);
    }

    /** How the test holds a call inside the Rep while it looks at the stack. */
    enum Hold { SPIN, LATCH }

    static final class WorkRep implements Work {
        long budget; // plain: read and written only by the calling thread
        volatile boolean spin;
        volatile CountDownLatch gate = OPEN;
        volatile boolean holding;

        @Override
        public long work(long x) {
            if (--budget < 0) {
                throw RoundOver.INSTANCE; // ends a warm-up round
            }
            if ((x & 255) == 0) {
                int passes = 1; // one pass during warm-up, so the spin loop's body is compiled too
                while (spin || passes-- > 0) {
                    holding = spin;
                    Thread.onSpinWait();
                }
                CountDownLatch g = gate;
                if (g != OPEN) {
                    holding = true;
                }
                try {
                    g.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return x + 1;
        }
    }

    static final class RoundOver extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final RoundOver INSTANCE = new RoundOver();

        private RoundOver() {
            super("warm-up round over", null, false, false);
        }
    }

    static final class Stop {
        volatile boolean requested;
    }

    /** The client loop; one copy per test, so each is compiled for its own stub class alone. */
    interface ClientLoop {
        long run(Work stub, Stop stop);
    }

    static long callSharedHeldSpinning(Work stub, Stop stop) {
        long sum = 0;
        for (long i = 0; !stop.requested; i++) {
            sum += stub.work(i);
        }
        return sum;
    }

    static long callSharedHeldOnLatch(Work stub, Stop stop) {
        long sum = 0;
        for (long i = 0; !stop.requested; i++) {
            sum += stub.work(i);
        }
        return sum;
    }

    static long callDistributedHeldSpinning(Work stub, Stop stop) {
        long sum = 0;
        for (long i = 0; !stop.requested; i++) {
            sum += stub.work(i);
        }
        return sum;
    }

    static long callDistributedHeldOnLatch(Work stub, Stop stop) {
        long sum = 0;
        for (long i = 0; !stop.requested; i++) {
            sum += stub.work(i);
        }
        return sum;
    }

    @BeforeAll
    static void requireAJit() {
        Assumptions.assumeTrue(JitCompilation.available(), "this JVM cannot report its compiled code");
    }

    private final ClusteredObjectRuntime runtime = new ClusteredObjectRuntime(4);

    @Test
    void sharedStubFrameIsDirectlyBelowTheSpinningRepFrame() throws Exception {
        assertRepFrameDirectlyAboveStubFrame(RootKind.SHARED, Hold.SPIN, "callSharedHeldSpinning",
                StubFramesInOtherThreadsStackTracesTest::callSharedHeldSpinning);
    }

    @Test
    void sharedStubFrameIsDirectlyBelowTheBlockedRepFrame() throws Exception {
        assertRepFrameDirectlyAboveStubFrame(RootKind.SHARED, Hold.LATCH, "callSharedHeldOnLatch",
                StubFramesInOtherThreadsStackTracesTest::callSharedHeldOnLatch);
    }

    @Test
    void distributedStubFrameIsDirectlyBelowTheSpinningRepFrame() throws Exception {
        assertRepFrameDirectlyAboveStubFrame(RootKind.DISTRIBUTED, Hold.SPIN, "callDistributedHeldSpinning",
                StubFramesInOtherThreadsStackTracesTest::callDistributedHeldSpinning);
    }

    @Test
    void distributedStubFrameIsDirectlyBelowTheBlockedRepFrame() throws Exception {
        assertRepFrameDirectlyAboveStubFrame(RootKind.DISTRIBUTED, Hold.LATCH, "callDistributedHeldOnLatch",
                StubFramesInOtherThreadsStackTracesTest::callDistributedHeldOnLatch);
    }

    private void assertRepFrameDirectlyAboveStubFrame(RootKind kind, Hold hold, String loopName, ClientLoop loop)
            throws Exception {
        String jdk = "java.version=" + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
                + ")";
        WorkRep rep = new WorkRep();
        ClusteredObject<Work> object = runtime.create(loopName, Work.class, kind, i -> rep);
        Work stub = object.stub();
        AtomicBoolean compiled = new AtomicBoolean();
        CountDownLatch lastCall = new CountDownLatch(1);
        Stop stop = new Stop();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                for (int round = 0; !compiled.get() && round < 1_000_000; round++) {
                    rep.budget = 2_000;
                    try {
                        loop.run(stub, stop);
                    } catch (RoundOver expected) {
                        // next round
                    }
                }
                rep.budget = Long.MAX_VALUE;
                lastCall.countDown();
                loop.run(stub, stop);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "stub-caller-" + loopName);
        caller.setDaemon(true);
        caller.start();

        OptionalInt compileId;
        StackTraceElement[] trace;
        List<Integer> c2CodeInUse;
        try {
            compileId = JitCompilation.awaitOnlyC2CodeInUse(getClass(), loopName, DEADLINE);
            compiled.set(true);
            assertTrue(compileId.isPresent(), jdk + ": the client loop was not C2-compiled within " + DEADLINE);
            assertTrue(lastCall.await(DEADLINE.toSeconds(), TimeUnit.SECONDS),
                    jdk + ": the caller did not start its last call");

            if (hold == Hold.SPIN) {
                rep.spin = true;
            } else {
                rep.gate = new CountDownLatch(1);
            }
            long end = System.nanoTime() + DEADLINE.toNanos();
            while (!rep.holding && System.nanoTime() - end < 0 && caller.isAlive()) {
                Thread.sleep(1); // polling for the held call, not waiting for an effect
            }
            assertTrue(rep.holding, () -> jdk + ": the caller never got held in the Rep: " + failure.get());
            trace = caller.getStackTrace();
            c2CodeInUse = JitCompilation.c2CompileIdsInUse(getClass(), loopName);
        } finally {
            compiled.set(true);
            rep.spin = false;
            rep.gate.countDown();
            stop.requested = true;
        }
        caller.join(DEADLINE.toMillis());
        assertFalse(caller.isAlive(), jdk + ": the caller did not stop");
        assertNull(failure.get(), jdk + ": the caller failed");

        String shown = Arrays.stream(trace).map(e -> "\n  at " + e).collect(Collectors.joining());
        System.out.println("[stack-visibility] " + jdk + ", " + kind + " root, Rep held by " + hold
                + ", C2 code of the loop when its last call began: " + compileId.getAsInt()
                + ", when the stack was taken: " + c2CodeInUse
                + ":" + shown);
        int stubFrame = -1;
        for (int i = 0; i < trace.length && stubFrame < 0; i++) {
            if (trace[i].getClassName().startsWith(STUB_CLASS_PREFIX)) {
                stubFrame = i;
            }
        }
        assertTrue(stubFrame > 0, jdk + ": no stub frame below a Rep frame in" + shown);
        assertEquals(stub.getClass().getName(), trace[stubFrame].getClassName(), jdk + ": " + shown);
        assertEquals("work", trace[stubFrame].getMethodName(), jdk + ": " + shown);
        assertEquals(WorkRep.class.getName() + ".work", frameName(trace[stubFrame - 1]),
                jdk + ": the frame directly above the stub's is not the Rep's:" + shown);
        assertEquals(getClass().getName() + "." + loopName, frameName(trace[stubFrame + 1]),
                jdk + ": the frame directly below the stub's is not the client loop's:" + shown);
    }

    private static String frameName(StackTraceElement frame) {
        return frame.getClassName() + "." + frame.getMethodName();
    }
}
