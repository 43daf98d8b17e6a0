package io.swapline.core.swap;

import static io.swapline.core.fixtures.Threads.awaitFrame;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import io.swapline.api.ClusteredObject;
import io.swapline.api.SharedRoot;
import io.swapline.api.SwapRefusedException;
import io.swapline.api.SwapPhase;
import io.swapline.api.SwapRecord;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.core.fixtures.AsyncCalls;
import io.swapline.core.fixtures.Probe;
import io.swapline.core.fixtures.ProbeRoot;
import io.swapline.core.quiesce.StackCheck;
import io.swapline.core.quiesce.StackCheck.Sighting;

/**
 * The phases, made deterministic with calls held inside implementations by latches: Forward
 * waits for calls that started before the swap, Block waits for forwarded calls, blocked calls
 * land on the new implementation, reentrant calls pass; and how a forwarded call's stack reads.
 */
class MediatorPhasesTest {

    private static final String STUB_CLASS_PREFIX = "io.swapline.core.stub.generated.Stub$";
    private static final String GLUE_CLASS_PREFIX = "io.swapline.core.stub.generated.Mediated$";

    private final ClusteredObjectRuntime runtime = new ClusteredObjectRuntime();
    private final AsyncCalls calls = new AsyncCalls();
    private final ClusteredObject<Probe> object = runtime.create("probe", Probe.class, new ProbeRoot("old"));
    private final Probe stub = object.stub();

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void forwardWaitsForCallsThatStartedBeforeTheSwapAndForwardsNewOnesToTheOldObject() throws Exception {
        HeldCall early = new HeldCall("early", false);
        SwapInProgress swap = new SwapInProgress();
        awaitFrame(swap.thread, "Swap.forward");

        assertEquals("old", stub.where(), "a call during Forward is forwarded to the old object");
        assertFalse(swap.record.isDone(), "Forward must wait for the call that started before the swap");

        assertEquals("old", early.release());
        SwapRecord record = swap.completed();
        assertTrue(record.callsForwarded() >= 1, record::toString);
        assertEquals("new", stub.where());
    }

    @Test
    void blockWaitsForForwardedCallsAndReleasedCallsLandOnTheNewObject() throws Exception {
        HeldCall early = new HeldCall("early", false);
        SwapInProgress swap = new SwapInProgress();
        awaitFrame(swap.thread, "Swap.forward");
        HeldCall tracked = new HeldCall("tracked", false);

        assertEquals("old", early.release()); // Forward can end; Block must now wait for the tracked call
        awaitFrame(swap.thread, "awaitQuiescence");
        CompletableFuture<String> blocked = calls.start("blocked", stub::where);
        awaitFrame(calls.threadOf(blocked), "awaitEnd");
        assertFalse(blocked.isDone(), "a new call during Block waits");
        assertFalse(swap.record.isDone(), "Block waits for the forwarded call");

        assertEquals("old", tracked.release(), "the forwarded call finishes on the old object");
        SwapRecord record = swap.completed();
        assertEquals("new", blocked.get(30, TimeUnit.SECONDS), "the blocked call is released to the new object");
        assertTrue(record.callsBlocked() >= 1, record::toString);
        assertTrue(record.callsForwarded() >= 1, record::toString);
        assertTrue(record.longestBlock().toNanos() > 0, () -> "the blocked call's wait is in the record: " + record);
    }

    @Test
    void aForwardedCallThatCallsItsOwnObjectDuringBlockIsLetThrough() throws Exception {
        HeldCall early = new HeldCall("early", false);
        SwapInProgress swap = new SwapInProgress();
        awaitFrame(swap.thread, "Swap.forward");
        HeldCall reentrant = new HeldCall("reentrant", true);
        early.release();
        awaitFrame(swap.thread, "awaitQuiescence");

        // Now in Block: the inner call comes from a forwarded call and must not block.
        assertEquals("old/old", reentrant.release());
        swap.completed();
        assertEquals("new", stub.where());
    }

    /**
     * Guards what the Forward phase's stack check relies on for calls the Mediator tracks: in
     * another thread's {@link Thread#getStackTrace()}, a call forwarded during a swap shows this
     * swap's glue frame above the stub's frame with nothing between them but method-handle
     * plumbing, and {@link StackCheck} reads it as tracked. The stub reaches glue already in the
     * thread's slot through a method handle (so that the JIT never inlines the glue into it); its
     * frames show on JDK 17 and are hidden on JDK 25. Tagged {@code stack-visibility}: the build
     * runs it on JDK 17 and, where installed, on JDK 25.
     */
    @Tag("stack-visibility")
    @Test
    void aForwardedCallShowsTheGlueFrameDirectlyAboveTheStubFrame() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch earlyEntered = new CountDownLatch(1);
        CompletableFuture<String> early = calls.start("early", () -> stub.hold(earlyEntered, release));
        assertTrue(earlyEntered.await(30, TimeUnit.SECONDS), "the early call never entered");
        CompletableFuture<SwapRecord> swap = calls.start("swapper", () -> runtime.swap(object, new ProbeRoot("new")));
        awaitFrame(calls.threadOf(swap), "Swap.forward"); // held there by the early call

        CountDownLatch forwardedEntered = new CountDownLatch(1);
        // The thread's first call misses and fills its slot with the glue; its second finds it there.
        CompletableFuture<String> forwarded = calls.start("forwarded",
                () -> stub.where() + "," + stub.hold(forwardedEntered, release));
        assertTrue(forwardedEntered.await(30, TimeUnit.SECONDS), "the forwarded call never entered");
        StackTraceElement[] trace = calls.threadOf(forwarded).getStackTrace();
        release.countDown();

        String shown = Arrays.stream(trace).map(e -> "\n  at " + e).collect(Collectors.joining());
        String jdk = "java.version=" + System.getProperty("java.version");
        int stubFrame = indexOf(trace, STUB_CLASS_PREFIX);
        int glueFrame = indexOf(trace, GLUE_CLASS_PREFIX);
        assertTrue(glueFrame >= 1 && glueFrame < stubFrame, jdk + ": no glue frame above a stub frame in" + shown);
        assertEquals("hold", trace[glueFrame].getMethodName(), jdk + ": " + shown);
        assertEquals("hold", trace[glueFrame - 1].getMethodName(), jdk + ": the glue's callee is not the old Rep:" + shown);
        for (int i = glueFrame + 1; i < stubFrame; i++) {
            assertTrue(trace[i].getClassName().startsWith("java.lang.invoke."),
                    jdk + ": between the stub and the glue, a frame other than method-handle plumbing:" + shown);
        }
        String stubClass = trace[stubFrame].getClassName();
        String glueClass = trace[glueFrame].getClassName();
        assertEquals(Sighting.CLEAR, new StackCheck(stubClass, glueClass, thread -> 0).sight(trace),
                jdk + ": the stack check does not see the call as tracked:" + shown);
        // Untracked where the plumbing is hidden (JDK 25), resolving where it shows (JDK 17).
        assertNotEquals(Sighting.CLEAR, new StackCheck(stubClass, glueClass + "0", thread -> 0).sight(trace),
                jdk + ": another swap's glue would count as tracked:" + shown);

        assertEquals("old,old", forwarded.get(30, TimeUnit.SECONDS), "the forwarded calls ran on the old object");
        assertEquals("old", early.get(30, TimeUnit.SECONDS));
        SwapRecord record = swap.get(30, TimeUnit.SECONDS);
        assertEquals(SwapPhase.COMPLETE, record.outcome(), record::toString);
        assertTrue(record.callsForwarded() >= 1, record::toString);
        assertEquals("new", stub.where());
    }

    @Test
    void aSwapRequestedFromInsideACallOnTheObjectIsRefusedNotDeadlocked() {
        AtomicReference<ClusteredObject<Runnable>> self = new AtomicReference<>();
        AtomicReference<SwapRefusedException> refused = new AtomicReference<>();
        SharedRoot<Runnable> swapsItself = new SharedRoot<>() {
            @Override
            protected Runnable newRep(int repIndex) {
                return () -> refused.set(assertThrows(SwapRefusedException.class,
                        () -> runtime.swap(self.get(), SharedRoot.of(() -> () -> { }))));
            }

            @Override
            public boolean isStateless() {
                return true;
            }
        };
        self.set(runtime.create("self", Runnable.class, swapsItself));

        self.get().stub().run();

        assertTrue(refused.get().getMessage().contains("inside a call"), refused.get().getMessage());
        assertEquals(SwapPhase.REFUSED, self.get().history().get(0).outcome());
        assertEquals(swapsItself.implementationName(), self.get().implementationName(), "nothing changed");
    }

    private static int indexOf(StackTraceElement[] trace, String classPrefix) {
        for (int i = 0; i < trace.length; i++) {
            if (trace[i].getClassName().startsWith(classPrefix)) {
                return i;
            }
        }
        return -1;
    }

    /** A call held inside the implementation until released. */
    private final class HeldCall {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CompletableFuture<String> result;

        HeldCall(String name, boolean reenter) throws InterruptedException {
            result = calls.start(name, () -> reenter ? stub.holdThenReenter(entered, release, stub) : stub.hold(entered, release));
            assertTrue(entered.await(30, TimeUnit.SECONDS), name + " never entered the implementation");
        }

        String release() throws Exception {
            release.countDown();
            return result.get(30, TimeUnit.SECONDS);
        }
    }

    /** A swap from "old" to "new" running in a thread of its own. */
    private final class SwapInProgress {
        final CompletableFuture<SwapRecord> record = calls.start("swapper", () -> runtime.swap(object, new ProbeRoot("new")));
        final Thread thread = calls.threadOf(record);

        SwapRecord completed() throws Exception {
            SwapRecord done = record.get(30, TimeUnit.SECONDS);
            assertEquals(SwapPhase.COMPLETE, done.outcome(), done::toString);
            return done;
        }
    }
}
