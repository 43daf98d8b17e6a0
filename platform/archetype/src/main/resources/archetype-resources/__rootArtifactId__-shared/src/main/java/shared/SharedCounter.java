package ${package}.shared;

import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import ${package}.api.Counter;
import ${package}.api.CounterProtocols;
import io.swapline.api.SharedRoot;
import io.swapline.api.SwappableImplementation;
import io.swapline.api.TransferProtocol;

/**
 * The counter as a shared root: one Rep serves every thread, counting in one {@link LongAdder}.
 * The annotation is all it takes to contribute it: bnd turns it into a capability the Swapline
 * extender reads when this bundle starts, and the extender creates the object (or swaps it to
 * this implementation) and registers it as a {@link Counter} service.
 */
@SwappableImplementation(object = Counter.OBJECT, type = Counter.class)
public final class SharedCounter extends SharedRoot<Counter> {

    /** Replaced only by an import, while the object is quiescent. */
    private volatile LongAdder count = new LongAdder();

    /** The extender creates the root through this constructor. */
    public SharedCounter() {
    }

    @Override
    protected Counter newRep(int repIndex) {
        return new Counter() {
            @Override
            public void increment() {
                count.increment();
            }

            @Override
            public long count() {
                return count.sum();
            }

            @Override
            public String implementation() {
                return "shared";
            }
        };
    }

    @Override
    public Set<TransferProtocol<?>> exportProtocols() {
        return CounterProtocols.ALL;
    }

    @Override
    public Set<TransferProtocol<?>> importProtocols() {
        return CounterProtocols.ALL;
    }

    @Override
    public <S> S exportState(TransferProtocol<S> protocol) {
        return protocol.stateType().cast(count.sum());
    }

    @Override
    public <S> void importState(TransferProtocol<S> protocol, S state) {
        LongAdder imported = new LongAdder();
        imported.add((Long) state);
        count = imported;
    }
}
