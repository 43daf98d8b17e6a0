package io.swapline.examples.counter.distributed;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.swapline.api.DistributedRoot;
import io.swapline.api.SwappableImplementation;
import io.swapline.api.TransferProtocol;
import io.swapline.api.autonomic.Signals;
import io.swapline.api.autonomic.StripedCounter;
import io.swapline.api.autonomic.WorkloadSignals;
import io.swapline.examples.counter.Counter;
import io.swapline.examples.counter.CounterProtocols;
import io.swapline.examples.counter.CounterSignals;

/**
 * The distributed counter: one Rep per processor slot, each counting its own slot's increments,
 * so threads on different slots never touch the same memory; {@link Counter#get()} adds them up.
 * It exchanges state with the shared counter in both directions through the canonical count.
 *
 * <p>An implementation of {@code counter} beside the shared counter, ranked below it so that the
 * shared counter creates the object whatever the start order; an autonomic policy moves the
 * object here when increments collide, and back when they stop colliding.
 *
 * <h2>Its {@link CounterSignals#CONTENTION} estimate</h2>
 * No cell is shared, so there is no retry to measure: the sampler estimates what one shared cell
 * would see, from what the cells show over the interval and without any write on the call path.
 * An increment on one slot collides with the increments other slots make within a collision
 * window around its compare-and-set, so the estimate is, averaged over the interval's
 * increments, the other slots' rate of increments times that window: 0 with one calling thread
 * (however fast), about 0.001 (per 1,000 increments) for a few threads that call now and then,
 * about 5 for threads incrementing flat out on two cores. The window, {@value #COLLISION_WINDOW_PICOS} ps, is
 * calibrated, not physical: on this project's 2-vCPU machine, threads incrementing one
 * {@code AtomicLong} flat out retried about once per 100 to 1,000 increments at tens of millions
 * of increments per second; the window makes the estimate that order of magnitude. Threads
 * whose ids map to one slot look like one thread to that estimate; they do contend on their
 * slot's cell, so each cell counts its compare-and-set retries (only when one fails) and the
 * measured retries per increment are added.
 */
@SwappableImplementation(object = "counter", type = Counter.class, ranking = -1,
        suits = CounterSignals.CONTENTION + " >= 1")
public final class DistributedCounter extends DistributedRoot<Counter> implements WorkloadSignals {

    /** How close in time two increments of one cell come when one retries, in picoseconds (calibrated). */
    static final long COLLISION_WINDOW_PICOS = 100;

    /** The count imported from a predecessor; the Reps count on top of it. */
    private volatile long imported;
    /** Retries of threads that share a slot's cell; approximate, written only by a failed CAS. */
    private final StripedCounter sameSlotRetries = new StripedCounter();
    // The sampler's own state: one sampler call at a time (WorkloadSignals).
    private long[] cellsAtLastSample = new long[0];
    private long retriesAtLastSample;
    private long lastSampleNanos = System.nanoTime();

    /** The extender instantiates the root through this constructor. */
    public DistributedCounter() {
    }

    @Override
    protected Counter newRep(int repIndex) {
        return new SlotCounter();
    }

    private long total() {
        long sum = imported;
        for (Counter rep : reps()) {
            sum += ((SlotCounter) rep).count.get();
        }
        return sum;
    }

    @Override
    public Signals sampleSignals() {
        long now = System.nanoTime();
        double seconds = Math.max(1, now - lastSampleNanos) / 1e9;
        lastSampleNanos = now;
        long[] cells = new long[repCount()];
        long[] deltas = new long[cells.length];
        long increments = 0;
        for (int index : repIndexes()) {
            cells[index] = ((SlotCounter) repAt(index)).count.get();
            deltas[index] = cells[index] - (index < cellsAtLastSample.length ? cellsAtLastSample[index] : 0);
            increments += deltas[index];
        }
        cellsAtLastSample = cells;
        long retries = sameSlotRetries.sum();
        long newRetries = Math.max(0, retries - retriesAtLastSample); // a lost stripe update can make it negative
        retriesAtLastSample = retries;
        if (increments <= 0) {
            return Signals.NONE; // no increment, no data
        }
        double collisions = 0; // sum over slots: increments there × rate of the others × window
        for (long delta : deltas) {
            collisions += delta * ((increments - delta) / seconds) * COLLISION_WINDOW_PICOS / 1e12;
        }
        return Signals.builder()
                .put(CounterSignals.CONTENTION, (collisions + newRetries) * 1_000 / increments)
                .build();
    }

    @Override
    public Set<TransferProtocol<?>> exportProtocols() {
        return Set.of(CounterProtocols.CANONICAL_COUNT);
    }

    @Override
    public Set<TransferProtocol<?>> importProtocols() {
        return Set.of(CounterProtocols.CANONICAL_COUNT);
    }

    @Override
    @SuppressWarnings("unchecked") // the only protocol is CANONICAL_COUNT, whose state is a Long
    public <S> S exportState(TransferProtocol<S> protocol) {
        return (S) Long.valueOf(total());
    }

    @Override
    public <S> void importState(TransferProtocol<S> protocol, S state) {
        imported = (Long) state;
    }

    /** One slot's share of the count. */
    private final class SlotCounter implements Counter {
        private final AtomicLong count = new AtomicLong();

        @Override
        public void increment() {
            long seen = count.get();
            while (!count.compareAndSet(seen, seen + 1)) {
                sameSlotRetries.increment(); // another thread mapped to this slot got there first
                seen = count.get();
            }
        }

        @Override
        public long get() {
            return total();
        }

        @Override
        public String implementation() {
            return "distributed counter 1.0";
        }
    }
}
