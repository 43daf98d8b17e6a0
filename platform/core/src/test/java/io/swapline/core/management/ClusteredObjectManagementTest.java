package io.swapline.core.management;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.management.ManagementFactory;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.swapline.api.ClusteredObject;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.core.fixtures.Counter;
import io.swapline.core.fixtures.DistributedCounter;
import io.swapline.core.fixtures.SharedCounter;

/** Every live clustered object shows as an MXBean that reads its current state; destroy removes it. */
class ClusteredObjectManagementTest {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ClusteredObjectRuntime runtime = new ClusteredObjectRuntime(2);

    @AfterEach
    void close() {
        runtime.objects().forEach(runtime::destroy);
        runtime.close();
    }

    @Test
    void anObjectIsVisibleWithItsStateAndGoneAfterDestroy() throws Exception {
        ClusteredObject<Counter> before = runtime.create("mx-before", Counter.class, new SharedCounter());
        runtime.publishMBeans(server);
        ClusteredObject<Counter> counter = runtime.create("mx counter", Counter.class, new SharedCounter());
        counter.stub().increment();
        ObjectName name = ClusteredObjectManagement.nameOf("mx counter");

        assertTrue(server.isRegistered(ClusteredObjectManagement.nameOf(before.name())), "objects created before publishing");
        assertEquals("mx counter", server.getAttribute(name, "Name"));
        assertEquals(Counter.class.getName(), server.getAttribute(name, "InterfaceName"));
        assertEquals("SHARED", server.getAttribute(name, "RootKind"));
        assertEquals(0L, server.getAttribute(name, "SwapCount"));
        assertEquals("", server.getAttribute(name, "LastSwap"));

        runtime.swap(counter, new DistributedCounter());

        assertEquals(DistributedCounter.class.getName(), server.getAttribute(name, "Implementation"));
        assertEquals("DISTRIBUTED", server.getAttribute(name, "RootKind"));
        assertEquals(1L, server.getAttribute(name, "SwapCount"));
        assertTrue(((String) server.getAttribute(name, "LastSwap")).contains("COMPLETE"));
        assertEquals(1, ((String[]) server.getAttribute(name, "SwapHistory")).length);
        assertEquals(0, ((String[]) server.getAttribute(name, "RepFailures")).length, "no Rep failed");

        runtime.destroy(counter);
        assertFalse(server.isRegistered(name));
    }
}
