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

import io.swapline.api.ClusteredObject;
import io.swapline.api.SwapPhase;
import io.swapline.api.SwapRecord;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.core.fixtures.AsyncCalls;
import io.swapline.core.fixtures.Probe;
import io.swapline.core.fixtures.ProbeRoot;
import io.swapline.core.quiesce.StackCheck;
import io.swapline.core.quiesce.StackCheck.Sighting;

/**
 * Guards what the Forward phase's stack check relies on for calls the Mediator tracks: in
 * another thread's {@link Thread#getStackTrace()}, a call forwarded during a swap shows this
 * swap's glue frame above the stub's frame with nothing between them but method-handle plumbing,
 * and {@link StackCheck} reads it as tracked. The stub reaches glue already in the thread's slot
 * through a method handle (so that the JIT never inlines the glue into it); its frames show on
 * JDK 17 and are hidden on JDK 25. Tagged {@code stack-visibility}: the build runs it on JDK 17
 * and, where installed, on JDK 25.
 */
@Tag("stack-visibility")
class GlueFramesInStackTracesTest {

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

    private static int indexOf(StackTraceElement[] trace, String classPrefix) {
        for (int i = 0; i < trace.length; i++) {
            if (trace[i].getClassName().startsWith(classPrefix)) {
                return i;
            }
        }
        return -1;
    }
}
