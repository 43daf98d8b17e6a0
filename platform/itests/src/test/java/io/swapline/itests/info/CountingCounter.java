package io.swapline.itests.info;

import java.util.Hashtable;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import io.swapline.api.SharedRoot;
import io.swapline.api.TransferProtocol;
import io.swapline.examples.counter.Counter;
import io.swapline.examples.counter.CounterProtocols;

/**
 * A counter whose constructor leaves a trace, as one that registers a ManagedService would: each
 * instance registers a service with the property {@link #CONSTRUCTED}, from its bundle's context,
 * and never unregisters it. Counting those services counts the instances ever made.
 */
public final class CountingCounter extends SharedRoot<Counter> {

    /** The property of the service each instance registers; its value is the bundle's symbolic name. */
    public static final String CONSTRUCTED = "swapline.itests.constructed";

    private volatile LongAdder count = new LongAdder();

    /** Instantiated by the extender. */
    public CountingCounter() {
        Bundle bundle = FrameworkUtil.getBundle(CountingCounter.class);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(CONSTRUCTED, bundle.getSymbolicName());
        bundle.getBundleContext().registerService(Object.class.getName(), new Object(), properties);
    }

    @Override
    protected Counter newRep(int repIndex) {
        return new InfoCounterRep(count, "counting counter");
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
    @SuppressWarnings("unchecked") // the protocol's state type is checked by the branch
    public <S> S exportState(TransferProtocol<S> protocol) {
        return protocol == CounterProtocols.BY_REFERENCE ? (S) count : (S) Long.valueOf(count.sum());
    }

    @Override
    public <S> void importState(TransferProtocol<S> protocol, S state) {
        if (protocol == CounterProtocols.BY_REFERENCE) {
            count = (LongAdder) state;
        } else {
            LongAdder imported = new LongAdder();
            imported.add((Long) state);
            count = imported;
        }
    }
}
