package io.swapline.core;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.swapline.api.ClusteredObject;
import io.swapline.api.RootKind;
import io.swapline.core.fixtures.StatelessRoots;

/**
 * Guards against the regression in TOOLCHAIN.md: C2 hoisted a plain read of the slot out of a
 * client's loop {@code while (!stop) sum += stub.get();} (with {@code stop} a plain field), so
 * the looping client never saw a swap. Here the loop's code is C2's (checked through the JIT's
 * code list, see {@link JitCompilation}; not guessed) before the object is destroyed or
 * swapped, and the looping thread must leave the loop through the stub: by the destroyed
 * object's {@link IllegalStateException}, or by the exception of the Rep it was swapped to.
 *
 * <p>A distributed object's destroy and swap only empty its slots (the call site keeps pointing
 * at the object's local table), so those tests prove the slot read is not hoisted; a shared
 * object's destroy and swap retarget the call site, which deoptimises the loop.
 *
 * <p>Whether C2 would hoist a plain slot read depends on the profile of the slot lookup's miss
 * branch, which every distributed object in the JVM shares: once misses were counted, the
 * compiled loop keeps a call on that branch and nothing is hoisted. So the slot-read test
 * runs first, and the build runs this class in a JVM of its own (tag {@code jit}); run so, on
 * JDK 17 and 25, it failed at its deadline when the slot read was made plain.
 */
@Tag("jit")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoopingCallerSeesDestroyAndSwapTest {

    private static final Duration COMPILE_DEADLINE = Duration.ofSeconds(20);
    private static final Duration OBSERVE_DEADLINE = Duration.ofSeconds(30);
    private static final int MAX_WARM_UP_ROUNDS = 1_000_000;

    public interface Getter {
        long get();
    }

    /**
     * A field getter, the shape whose slot read C2 hoisted, with a budget so that warm-up
     * rounds of the very loop under test can end: the loop must be entered anew once its
     * code is C2's (see {@link JitCompilation}). The budget is a plain field of the
     * Rep, touched only by the looping thread; it does not alias the slot array.
     */
    static final class FieldGetter implements Getter {
        private final long value;
        long budget;

        FieldGetter(long value) {
            this.value = value;
        }

        @Override
        public long get() {
            if (--budget < 0) {
                throw RoundOver.INSTANCE;
            }
            return value;
        }
    }

    /** Ends a warm-up round. */
    static final class RoundOver extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final RoundOver INSTANCE = new RoundOver();

        private RoundOver() {
            super("warm-up round over", null, false, false);
        }
    }

    /** The Rep swapped in: the looping caller leaves its loop when it reaches it. */
    static final class SwappedIn implements Getter {
        @Override
        public long get() {
            throw new ReachedNewRep();
        }
    }

    static final class ReachedNewRep extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReachedNewRep() {
            super("reached the Rep swapped in", null, false, false);
        }
    }

    /** A plain, non-volatile stop flag that nobody sets: the loop ends only through the stub. */
    static final class Flag {
        boolean stop;
    }

    /**
     * The client loop under test, in the shape from TOOLCHAIN.md. One copy per test: stubs
     * are one class per object, so a loop shared by the tests would be compiled for a
     * polluted (megamorphic) profile instead of the inlined, monomorphic one that hoisted.
     */
    interface ClientLoop {
        long run(Getter stub, Flag flag);
    }

    static long loopOverSharedUntilDestroyed(Getter stub, Flag flag) {
        long sum = 0;
        while (!flag.stop) {
            sum += stub.get();
        }
        return sum;
    }

    static long loopOverDistributedUntilDestroyed(Getter stub, Flag flag) {
        long sum = 0;
        while (!flag.stop) {
            sum += stub.get();
        }
        return sum;
    }

    static long loopOverDistributedUntilSwapped(Getter stub, Flag flag) {
        long sum = 0;
        while (!flag.stop) {
            sum += stub.get();
        }
        return sum;
    }

    static long loopOverSharedUntilSwapped(Getter stub, Flag flag) {
        long sum = 0;
        while (!flag.stop) {
            sum += stub.get();
        }
        return sum;
    }

    @BeforeAll
    static void requireAJit() {
        Assumptions.assumeTrue(JitCompilation.available(), "this JVM cannot report its compiled code");
    }

    private final ClusteredObjectRuntime runtime = new ClusteredObjectRuntime(4);

    @Test
    @Order(3)
    void compiledLoopOverASharedStubSeesTheObjectDestroyed() throws Exception {
        FieldGetter rep = new FieldGetter(3);
        ClusteredObject<Getter> object = runtime.create("looped-shared", Getter.class, RootKind.SHARED,
                i -> rep);

        Throwable ended = loopUntilChanged(object, rep, "loopOverSharedUntilDestroyed",
                LoopingCallerSeesDestroyAndSwapTest::loopOverSharedUntilDestroyed, () -> runtime.destroy(object));

        assertDestroyedException(ended, "looped-shared");
    }

    @Test
    @Order(2)
    void compiledLoopOverADistributedStubSeesTheObjectDestroyed() throws Exception {
        FieldGetter rep = new FieldGetter(5);
        ClusteredObject<Getter> object = runtime.create("looped-distributed", Getter.class, RootKind.DISTRIBUTED,
                i -> rep);

        Throwable ended = loopUntilChanged(object, rep, "loopOverDistributedUntilDestroyed",
                LoopingCallerSeesDestroyAndSwapTest::loopOverDistributedUntilDestroyed, () -> runtime.destroy(object));

        assertDestroyedException(ended, "looped-distributed");
    }

    @Test
    @Order(1) // before any other distributed object's miss is profiled; see the class comment
    void compiledLoopOverADistributedStubSeesASwapThroughItsSlotRead() throws Exception {
        FieldGetter rep = new FieldGetter(7);
        ClusteredObject<Getter> object = runtime.create("swapped-distributed", Getter.class,
                StatelessRoots.distributed(i -> rep));

        Throwable ended = loopUntilChanged(object, rep, "loopOverDistributedUntilSwapped",
                LoopingCallerSeesDestroyAndSwapTest::loopOverDistributedUntilSwapped,
                () -> assertTrue(runtime.swap(object, StatelessRoots.distributed(i -> new SwappedIn())).completed()));

        assertInstanceOf(ReachedNewRep.class, ended, "the looping caller left its loop otherwise");
    }

    @Test
    @Order(4)
    void compiledLoopOverASharedStubSeesASwapThroughItsCallSite() throws Exception {
        FieldGetter rep = new FieldGetter(11);
        ClusteredObject<Getter> object = runtime.create("swapped-shared", Getter.class,
                StatelessRoots.shared(() -> rep));

        Throwable ended = loopUntilChanged(object, rep, "loopOverSharedUntilSwapped",
                LoopingCallerSeesDestroyAndSwapTest::loopOverSharedUntilSwapped,
                () -> assertTrue(runtime.swap(object, StatelessRoots.shared(SwappedIn::new)).completed()));

        assertInstanceOf(ReachedNewRep.class, ended, "the looping caller left its loop otherwise");
    }

    /**
     * Starts a thread that runs {@code loop} on the stub in warm-up rounds until the loop's
     * code in use is C2's alone, then once more without end; applies {@code change} once the
     * thread is in that last call; and returns what ended it. Every slot of the object is
     * served by {@code rep}.
     */
    private Throwable loopUntilChanged(ClusteredObject<Getter> object, FieldGetter rep, String loopName,
            ClientLoop loop, Runnable change) throws Exception {
        Getter stub = object.stub();
        AtomicBoolean compiled = new AtomicBoolean();
        CountDownLatch lastCall = new CountDownLatch(1);
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread looper = new Thread(() -> {
            try {
                for (int round = 0; !compiled.get() && round < MAX_WARM_UP_ROUNDS; round++) {
                    rep.budget = 1_000;
                    try {
                        loop.run(stub, new Flag());
                    } catch (RoundOver expected) {
                        // next round
                    }
                }
                rep.budget = Long.MAX_VALUE;
                lastCall.countDown();
                loop.run(stub, new Flag());
                ended.set(new AssertionError("the loop returned although nobody set its flag"));
            } catch (Throwable e) {
                ended.set(e);
            }
        }, "looping-caller-" + object.name());
        looper.setDaemon(true); // should the test fail, a looper that never sees the change must not keep the JVM
        looper.start();

        try {
            OptionalInt compileId = JitCompilation.awaitOnlyC2CodeInUse(LoopingCallerSeesDestroyAndSwapTest.class,
                    loopName, COMPILE_DEADLINE);
            compiled.set(true);
            assertTrue(compileId.isPresent(), "the client loop " + loopName + " was not C2-compiled within "
                    + COMPILE_DEADLINE + "; without that this test proves nothing");
            assertTrue(lastCall.await(COMPILE_DEADLINE.toSeconds(), TimeUnit.SECONDS),
                    "the looper did not start its last call");
            assertTrue(looper.isAlive(), () -> "the loop ended before the change: " + ended.get());

            change.run();

            looper.join(OBSERVE_DEADLINE.toMillis());
            if (looper.isAlive()) {
                fail("the C2-compiled client loop " + loopName + " (compile id " + compileId.getAsInt()
                        + ") did not observe the change within " + OBSERVE_DEADLINE
                        + ": the stub's target or slot read was hoisted out of the loop");
            }
            return ended.get();
        } finally {
            compiled.set(true);
            if (looper.isAlive()) { // a failed test: end the loop (a destroy retargets, which deoptimises it)
                runtime.destroy(object);
            }
        }
    }

    private static void assertDestroyedException(Throwable ended, String name) {
        IllegalStateException e = assertInstanceOf(IllegalStateException.class, ended,
                "the looping caller left its loop otherwise");
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
    }
}
