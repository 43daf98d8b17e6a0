package io.swapline.core;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.swapline.api.ClusteredObject;
import io.swapline.api.RootKind;

class SmokeTest {
    public interface Counter { long increment(); long get(); }

    static final class Rep implements Counter {
        final AtomicLong n = new AtomicLong();
        public long increment() { return n.incrementAndGet(); }
        public long get() { return n.get(); }
    }

    @Test
    void sharedAndDistributedCall() {
        ClusteredObjectRuntime runtime = new ClusteredObjectRuntime();
        ClusteredObject<Counter> shared = runtime.create("s", Counter.class, RootKind.SHARED, i -> new Rep());
        ClusteredObject<Counter> dist = runtime.create("d", Counter.class, RootKind.DISTRIBUTED, i -> new Rep());
        assertEquals(1, shared.stub().increment());
        assertEquals(2, shared.stub().increment());
        assertEquals(1, dist.stub().increment());
        assertEquals(1, dist.slotsInUse());
        runtime.destroy(shared);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> shared.stub().get());
        assertTrue(e.getMessage().contains("'s'"), e.getMessage());
    }
}
