package io.swapline.core.quiesce;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

import io.swapline.core.quiesce.StackCheck.Sighting;

/** How the Forward phase's stack check reads a stack, and when it stops waiting for a thread. */
class StackCheckTest {

    private static final String STUB = "io.swapline.core.stub.generated.Stub$Counter$7";
    private static final String GLUE = "io.swapline.core.stub.generated.Mediated$Counter$12";
    private static final String OLD_GLUE = "io.swapline.core.stub.generated.Mediated$Counter$11";

    private final StackCheck check = new StackCheck(STUB, GLUE, thread -> 0);

    @Test
    void aCallThroughThisSwapsGlueIsTracked() {
        assertEquals(Sighting.CLEAR, check.sight(trace(GLUE, STUB, "client.Loop")));
    }

    @Test
    void methodHandleFramesBetweenTheStubAndItsCalleeAreSkipped() {
        String lambdaForm = "java.lang.invoke.LambdaForm$DMH/0x0000000800c01000";
        String invoker = "java.lang.invoke.LambdaForm$MH/0x0000000800c02000";
        assertEquals(Sighting.CLEAR, check.sight(trace(GLUE, lambdaForm, invoker, STUB, "client.Loop")));
        assertEquals(Sighting.RESOLVING, check.sight(trace(lambdaForm, invoker, STUB, "client.Loop")));
    }

    @Test
    void anythingButThisSwapsGlueBehindMethodHandleFramesIsResolvingNeverUntracked() {
        // The JDK customising the call site's target handle: the call may hold the old Rep, read
        // before interposition. Untracked here, then resolving at the next look, would have
        // let the thread go while that same call was still to reach the old Rep.
        StackTraceElement[] customising = trace("java.lang.ClassLoader.defineClass0",
                "java.lang.invoke.MethodHandles$Lookup$ClassDefiner", "java.lang.invoke.LambdaForm",
                "java.lang.invoke.Invokers$Holder", STUB, "client.Loop");
        assertEquals(Sighting.RESOLVING, check.sight(customising));
        assertEquals(Sighting.RESOLVING,
                check.sight(trace(OLD_GLUE, "java.lang.invoke.LambdaForm$DMH", STUB, "client.Loop")));

        StackCheck.Waiting thread = new StackCheck.Waiting(check.sight(customising), 5);
        assertFalse(thread.isDone(check.sight(trace("java.lang.invoke.Invokers$Holder", STUB)), 5),
                "still the resolution first seen");
    }

    @Test
    void aCallInsideAnOldRepOrAnEarlierSwapsGlueIsUntracked() {
        assertEquals(Sighting.UNTRACKED, check.sight(trace("impl.CounterRep", STUB, "client.Loop")));
        assertEquals(Sighting.UNTRACKED, check.sight(trace(OLD_GLUE, STUB, "client.Loop")));
    }

    @Test
    void aCallStillResolvingItsTargetIsResolving() {
        assertEquals(Sighting.RESOLVING, check.sight(trace(STUB, "client.Loop")));
        assertEquals(Sighting.RESOLVING, check.sight(trace("java.lang.invoke.Invokers$Holder", STUB)));
        assertEquals(Sighting.RESOLVING, check.sight(trace("io.swapline.core.table.LocalTable", STUB)));
    }

    @Test
    void theWorstStubFrameCounts() {
        StackTraceElement[] nested = trace("impl.CounterRep", STUB, "impl.Other", GLUE, STUB, "client.Loop");
        assertEquals(Sighting.UNTRACKED, check.sight(nested));
        assertEquals(Sighting.CLEAR, check.sight(trace("client.Helper", "client.Loop")));
    }

    @Test
    void aStackAtTheTraceLimitMayHideAStubFrame() {
        String[] frames = new String[StackCheck.TRUNCATED_DEPTH];
        java.util.Arrays.fill(frames, "client.Recursion");
        assertEquals(Sighting.UNTRACKED, check.sight(trace(frames)));
    }

    @Test
    void aResolvingThreadIsDoneOnlyAfterProgress() {
        StackCheck.Waiting resolving = new StackCheck.Waiting(Sighting.RESOLVING, 5);
        assertFalse(resolving.isDone(Sighting.RESOLVING, 5), "may still be the resolution first seen");
        assertTrue(resolving.isDone(Sighting.RESOLVING, 6), "a tracked call since: the first resolution is over");

        StackCheck.Waiting wasInside = new StackCheck.Waiting(Sighting.RESOLVING, 5);
        assertFalse(wasInside.isDone(Sighting.UNTRACKED, 9), "inside an untracked call, whatever it tracked inside it");
        assertTrue(wasInside.isDone(Sighting.RESOLVING, 9), "that call is over: this resolution is new");

        assertTrue(new StackCheck.Waiting(Sighting.UNTRACKED, 0).isDone(Sighting.CLEAR, 0));
        assertFalse(new StackCheck.Waiting(Sighting.UNTRACKED, 0).isDone(Sighting.UNTRACKED, 3));
    }

    private static StackTraceElement[] trace(String... classes) {
        StackTraceElement[] trace = new StackTraceElement[classes.length];
        for (int i = 0; i < classes.length; i++) {
            trace[i] = new StackTraceElement(classes[i], "call", null, -1);
        }
        return trace;
    }
}
