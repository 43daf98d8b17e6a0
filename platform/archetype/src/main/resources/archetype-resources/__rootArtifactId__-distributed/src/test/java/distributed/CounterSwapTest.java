package ${package}.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import ${package}.api.Counter;
import ${package}.api.CounterProtocols;
import ${package}.shared.SharedCounter;
import io.swapline.testing.SwapClient;
import io.swapline.testing.SwapTestReport;
import io.swapline.testing.SwapTester;

/**
 * The two implementations replace each other while 4 threads increment and read, with no OSGi
 * framework: the swap tester swaps shared -> distributed -> shared ... through every protocol
 * they share, and fails the test on a failed call, a rolled-back swap, or a count that differs
 * right before an export and right after the import.
 */
class CounterSwapTest {

    private static final int SWAPS = 20;

    @Test
    void countSurvivesSwapsBothWaysUnderLoad() {
        AtomicLong acknowledged = new AtomicLong();
        SwapTestReport report = SwapTester.forInterface(Counter.class)
                .implementation("shared", SharedCounter::new)
                .implementation("distributed", DistributedCounter::new)
                .clients(4, client -> {
                    if (client == 0) {
                        acknowledged.set(0); // each run starts with a new counter
                    }
                    return new IncrementingClient(acknowledged);
                })
                .state(Counter::count)
                .afterEachRun(counter -> assertEquals(acknowledged.get(), counter.count(), "no increment lost or doubled"))
                .swaps(SWAPS)
                .verify();

        assertEquals(List.of(CounterProtocols.COUNT.name()), report.runs());
        assertEquals(SWAPS, report.transfersCompared());
    }

    /** Increments, then checks that the count it reads covers its own increments and never goes backwards. */
    private static final class IncrementingClient implements SwapClient<Counter> {
        private final AtomicLong acknowledged;
        private long mine;
        private long lastRead;

        IncrementingClient(AtomicLong acknowledged) {
            this.acknowledged = acknowledged;
        }

        @Override
        public void call(Counter counter, long iteration) {
            counter.increment();
            acknowledged.incrementAndGet();
            mine++;
            long read = counter.count();
            if (read < lastRead || read < mine) {
                throw new AssertionError("read " + read + " after " + lastRead + ", with " + mine + " own increments");
            }
            lastRead = read;
        }
    }
}
