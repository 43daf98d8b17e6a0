package io.swapline.core.autonomic;

import java.util.Arrays;

import io.swapline.api.autonomic.SignalRange;
import io.swapline.api.autonomic.Signals;
import io.swapline.api.autonomic.Suitability;
import io.swapline.api.autonomic.WorkloadSignals;
import io.swapline.core.fixtures.DistributedCounter;

/**
 * A distributed counter that estimates {@code contention} from its cells, without any write of
 * its own: the share of the interval's increments made on other slots than the busiest one, the
 * increments a single shared cell would have had to serialise against the busiest thread. 0 with
 * one calling thread, about 1/2 with two equally busy ones. Threads whose ids map to the same
 * slot look like one thread here (the benchmark's distributed counter also counts CAS retries on
 * its cells for that reason); the test runtime has 16 slots, so four threads rarely share one.
 */
public class SlotSpreadDistributedCounter extends DistributedCounter implements WorkloadSignals {

    /** Best once increments collide. */
    public static final Suitability SUITS = Suitability.of(SignalRange.atLeast("contention", 0.02));

    private long[] cellsAtLastSample = new long[0]; // sampler only

    @Override
    public Signals sampleSignals() {
        long[] now = new long[repCount()];
        long total = 0;
        long busiest = 0;
        for (int index : repIndexes()) {
            now[index] = cellOf(repAt(index)).get();
            long delta = now[index] - (index < cellsAtLastSample.length ? cellsAtLastSample[index] : 0);
            total += delta;
            busiest = Math.max(busiest, delta);
        }
        cellsAtLastSample = Arrays.copyOf(now, now.length);
        double spread = total == 0 ? Double.NaN : 1 - busiest / (double) total;
        return Signals.builder().put("contention", spread).build();
    }
}
