package io.swapline.core.swap;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.swapline.api.ClusteredObject;
import io.swapline.api.Root;
import io.swapline.api.RootKind;
import io.swapline.api.SharedRoot;
import io.swapline.api.DistributedRoot;
import io.swapline.core.ClusteredObjectRuntime;

/**
 * Regression: a plain read of the Rep slot was hoisted by C2 out of a client's loop, so the
 * looping client never saw a swap. The slot is read opaque and the shared target is a call
 * site whose retarget deoptimises the loop; either way the loop must see the new implementation.
 */
class LoopingCallerSeesSwapTest {

    private final ClusteredObjectRuntime runtime = new ClusteredObjectRuntime();

    @AfterEach
    void close() {
        runtime.close();
    }

    /** The loop under test: a plain, non-volatile stop flag, as in the observed regression. */
    static final class Loop implements Runnable {
        final IntSupplier stub;
        boolean stop;
        volatile int lastSeen;
        long sum;

        Loop(IntSupplier stub) {
            this.stub = stub;
        }

        @Override
        public void run() {
            while (!stop) {
                int value = stub.getAsInt();
                sum += value;
                if (value == 2) {
                    lastSeen = 2;
                    return;
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = RootKind.class, names = {"SHARED", "DISTRIBUTED"})
    void aCompiledLoopSeesTheNewImplementation(RootKind kind) throws Exception {
        ClusteredObject<IntSupplier> object = runtime.create("loop", IntSupplier.class, root(kind, 1));
        IntSupplier stub = object.stub();
        for (int i = 0; i < 200_000; i++) { // warm up the stub so the loop below is compiled with it inlined
            stub.getAsInt();
        }
        Loop loop = new Loop(stub);
        Thread thread = new Thread(loop, "looping-client");
        thread.setDaemon(true);
        thread.start();
        Thread.sleep(500); // let the loop run long enough to be compiled (OSR) with the stub inlined; not an assertion

        assertTrue(runtime.swap(object, root(kind, 2)).completed());

        thread.join(TimeUnit.SECONDS.toMillis(60));
        loop.stop = true;
        assertEquals(2, loop.lastSeen, "the looping caller never saw the swap");
    }

    private static Root<IntSupplier> root(RootKind kind, int value) {
        IntSupplier rep = () -> value;
        return kind == RootKind.SHARED ? new SharedRoot<>() {
            @Override
            protected IntSupplier newRep(int repIndex) {
                return rep;
            }

            @Override
            public boolean isStateless() {
                return true;
            }
        } : new StatelessDistributed(rep);
    }

    /** A distributed root whose every Rep is the same stateless function. */
    private static final class StatelessDistributed extends DistributedRoot<IntSupplier> {
        private final IntSupplier rep;

        StatelessDistributed(IntSupplier rep) {
            this.rep = rep;
        }

        @Override
        protected IntSupplier newRep(int repIndex) {
            return rep;
        }

        @Override
        public boolean isStateless() {
            return true;
        }
    }
}
