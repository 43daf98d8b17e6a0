package io.swapline.examples.counter.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.swapline.examples.counter.Counter;
import io.swapline.examples.counter.CounterProtocols;
import io.swapline.examples.counter.shared.SharedCounter;
import io.swapline.testing.SwapClient;
import io.swapline.testing.SwapTestReport;
import io.swapline.testing.SwapTester;

/**
 * The counter family under the swap tester: shared -> distributed -> shared ... while 4 threads
 * increment and read. No increment is lost or doubled, no read goes backwards, and the count is
 * the same right before each export and right after each import.
 */
class CounterFamilySwapTest {

    private static final int SWAPS = 60;

    @Test
    void countSurvivesSwapsBetweenSharedAndDistributedUnderLoad() {
        AtomicLong acknowledged = new AtomicLong();
        SwapTestReport report = SwapTester.forInterface(Counter.class)
                .implementation("shared", SharedCounter::new)
                .implementation("distributed", DistributedCounter::new)
                .clients(4, client -> {
                    if (client == 0) {
                        acknowledged.set(0); // a new run starts with a new counter
                    }
                    return new IncrementingClient(acknowledged);
                })
                .state(Counter::get)
                .afterEachRun(counter -> assertEquals(acknowledged.get(), counter.get(), "no increment lost or doubled"))
                .swaps(SWAPS)
                .verify();
        System.out.println(report);

        // By reference needs a shared counter on both sides, so the pair shares only the canonical count.
        assertEquals(List.of(CounterProtocols.CANONICAL_COUNT.name()), report.runs());
        assertEquals(Map.of(CounterProtocols.CANONICAL_COUNT.name(), (long) SWAPS), report.completedSwapsByProtocol());
        assertEquals(SWAPS, report.transfersCompared());
    }

    /** Increments, then checks that the count it reads is at least its own count and never goes backwards. */
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
            long read = counter.get();
            if (read < lastRead || read < mine) {
                throw new AssertionError("read " + read + " after " + lastRead + ", with " + mine + " own increments");
            }
            lastRead = read;
        }
    }
}
