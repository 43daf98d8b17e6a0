package io.swapline.examples.kv.snapshot;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.swapline.api.SharedRoot;
import io.swapline.api.SwappableImplementation;
import io.swapline.api.TransferProtocol;
import io.swapline.api.autonomic.Signals;
import io.swapline.api.autonomic.WorkloadSignals;
import io.swapline.examples.kv.KeyValueStore;
import io.swapline.examples.kv.KvCanonicalForm;
import io.swapline.examples.kv.KvProtocols;
import io.swapline.examples.kv.KvSignals;
import io.swapline.examples.kv.KvSnapshot;
import io.swapline.examples.kv.KvWorkloadMeter;

/**
 * A key-value store for read-heavy use, copy-on-write: all entries live in one immutable
 * {@link KvSnapshot}, so a read is one volatile load and a map lookup with no lock, and
 * {@link #snapshot()} costs nothing. A write copies the entries, changes the copy and publishes
 * it; writers take turns on the root's write lock.
 *
 * <p><b>Shared state.</b> {@code current} is written only under {@code writeLock} and read
 * without it; each value it holds is immutable, so a reader sees a whole snapshot or the next.
 *
 * <p>Hands its snapshot over by reference and takes one over without copying; also exports and
 * imports the canonical bytes.
 *
 * <p>Reports the family's {@link KvSignals}; it suits {@value #SUITS}: a write copies every
 * entry, so past that share of writes the striped store serves more calls (the crossover
 * measured by {@code KvMixBenchmark}, see the benchmarks README).
 */
@SwappableImplementation(object = "kv", type = KeyValueStore.class, suits = SnapshotKeyValueStore.SUITS)
public final class SnapshotKeyValueStore extends SharedRoot<KeyValueStore> implements WorkloadSignals {

    /** The workloads it suits, in {@code Suitability.parse} form: read-heavy ones. */
    public static final String SUITS = KvSignals.WRITE_RATIO + " <= 0.008";

    private final Object writeLock = new Object();
    private final KvWorkloadMeter workload = new KvWorkloadMeter();
    private volatile KvSnapshot current = KvSnapshot.EMPTY;

    /** The extender instantiates the root through this constructor. */
    public SnapshotKeyValueStore() {
    }

    @Override
    protected KeyValueStore newRep(int repIndex) {
        return new SnapshotRep();
    }

    /**
     * Replaces the snapshot with a changed copy.
     *
     * @param change changes a mutable copy of the entries and returns the operation's result
     * @return what {@code change} returned
     */
    private String write(Function<Map<String, String>, String> change) {
        synchronized (writeLock) {
            Map<String, String> copy = new HashMap<>(current.entries());
            String result = change.apply(copy);
            current = new KvSnapshot(copy);
            return result;
        }
    }

    private void replaceAll(UnaryOperator<KvSnapshot> replacement) {
        synchronized (writeLock) {
            current = replacement.apply(current);
        }
    }

    @Override
    public Signals sampleSignals() {
        return workload.sample(current.size());
    }

    @Override
    public Set<TransferProtocol<?>> exportProtocols() {
        return KvProtocols.ALL;
    }

    @Override
    public Set<TransferProtocol<?>> importProtocols() {
        return KvProtocols.ALL;
    }

    @Override
    @SuppressWarnings("unchecked") // each branch returns the protocol's state type
    public <S> S exportState(TransferProtocol<S> protocol) {
        KvSnapshot snapshot = current;
        if (protocol == KvProtocols.BY_REFERENCE) {
            return (S) snapshot; // immutable: the successor may keep it
        }
        return (S) KvCanonicalForm.encode(snapshot.entries());
    }

    @Override
    public <S> void importState(TransferProtocol<S> protocol, S state) {
        if (protocol == KvProtocols.BY_REFERENCE) {
            replaceAll(ignored -> (KvSnapshot) state);
        } else {
            replaceAll(ignored -> new KvSnapshot(KvCanonicalForm.decode((byte[]) state)));
        }
    }

    /** The one Rep: reads the current snapshot, writes replace it. */
    private final class SnapshotRep implements KeyValueStore {

        @Override
        public String get(String key) {
            workload.countRead();
            return current.entries().get(Objects.requireNonNull(key, "key"));
        }

        @Override
        public String put(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            workload.countWrite();
            return write(entries -> entries.put(key, value));
        }

        @Override
        public String remove(String key) {
            Objects.requireNonNull(key, "key");
            workload.countWrite();
            if (!current.entries().containsKey(key)) {
                return null; // nothing to remove: no copy
            }
            return write(entries -> entries.remove(key));
        }

        @Override
        public int size() {
            return current.size();
        }

        @Override
        public KvSnapshot snapshot() {
            return current;
        }

        @Override
        public String implementation() {
            return "snapshot kv 1.0";
        }
    }
}
