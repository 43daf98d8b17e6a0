package io.swapline.benchmarks;

import io.swapline.api.DistributedRoot;

/**
 * A counter as a distributed clustered object: one Rep per slot, each a {@link PaddedCell}
 * that only its slot's threads increment, and a sum over all Reps on read (K42's
 * distributed counter).
 */
public final class DistributedCounter extends DistributedRoot<Counter> {

    @Override
    protected Counter newRep(int repIndex) {
        return new Rep(this);
    }

    /** One slot's part of the counter. */
    static final class Rep extends PaddedCell implements Counter {
        private final DistributedCounter root;

        Rep(DistributedCounter root) {
            this.root = root;
        }

        @Override
        public long sum() {
            long sum = 0;
            for (Counter rep : root.reps()) {
                sum += ((Rep) rep).get();
            }
            return sum;
        }
    }
}
