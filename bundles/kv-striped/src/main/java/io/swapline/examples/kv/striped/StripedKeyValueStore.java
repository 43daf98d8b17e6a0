package io.swapline.examples.kv.striped;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
 * A key-value store for write-heavy use: the entries are spread over {@value #STRIPES} stripes
 * by key hash, each a plain {@link HashMap} guarded by its own monitor, so writers of different
 * keys rarely wait for each other and a write costs no copy. A {@link #snapshot()} locks every
 * stripe (in index order, so that two snapshots cannot deadlock) and copies.
 *
 * <p>One Rep serves every thread ({@link SharedRoot}); the stripes are the root's state. It
 * exports and imports both protocols: by reference it exports a snapshot (a copy: its stripes
 * are mutable) and imports by filling its stripes from the snapshot.
 *
 * <p>Reports the family's {@link KvSignals}; it suits {@value #SUITS}, where the snapshot store's
 * copy per write costs more than a stripe's lock per call (the crossover measured by
 * {@code KvMixBenchmark}, see the benchmarks README).
 */
@SwappableImplementation(object = "kv", type = KeyValueStore.class, suits = StripedKeyValueStore.SUITS)
public final class StripedKeyValueStore extends SharedRoot<KeyValueStore> implements WorkloadSignals {

    /** The workloads it suits, in {@code Suitability.parse} form: write-heavy ones. */
    public static final String SUITS = KvSignals.WRITE_RATIO + " >= 0.008";

    /** The number of stripes, a power of two. */
    static final int STRIPES = 16;

    private final Stripe[] stripes = new Stripe[STRIPES];
    private final KvWorkloadMeter workload = new KvWorkloadMeter();

    /** The extender instantiates the root through this constructor. */
    public StripedKeyValueStore() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe();
        }
    }

    /** One stripe's entries; read and written only under the stripe's monitor. */
    private static final class Stripe {
        final Map<String, String> entries = new HashMap<>();
    }

    @Override
    protected KeyValueStore newRep(int repIndex) {
        return new StripedRep();
    }

    private Stripe stripeOf(String key) {
        int hash = key.hashCode();
        return stripes[(hash ^ (hash >>> 16)) & (STRIPES - 1)];
    }

    private KvSnapshot lockedCopyOfAllStripes(int from) {
        if (from == STRIPES) {
            Map<String, String> all = new HashMap<>();
            for (Stripe stripe : stripes) {
                all.putAll(stripe.entries);
            }
            return new KvSnapshot(all);
        }
        synchronized (stripes[from]) { // every stripe held at once: one consistent moment
            return lockedCopyOfAllStripes(from + 1);
        }
    }

    private int size() {
        int size = 0;
        for (Stripe stripe : stripes) {
            synchronized (stripe) {
                size += stripe.entries.size();
            }
        }
        return size;
    }

    private void putAll(Map<String, String> entries) {
        entries.forEach((key, value) -> {
            Stripe stripe = stripeOf(key);
            synchronized (stripe) {
                stripe.entries.put(key, value);
            }
        });
    }

    @Override
    public Signals sampleSignals() {
        return workload.sample(size());
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
        KvSnapshot snapshot = lockedCopyOfAllStripes(0);
        if (protocol == KvProtocols.BY_REFERENCE) {
            return (S) snapshot;
        }
        return (S) KvCanonicalForm.encode(snapshot.entries());
    }

    @Override
    public <S> void importState(TransferProtocol<S> protocol, S state) {
        if (protocol == KvProtocols.BY_REFERENCE) {
            putAll(((KvSnapshot) state).entries());
        } else {
            putAll(KvCanonicalForm.decode((byte[]) state));
        }
    }

    /** The one Rep: every call goes to the key's stripe. */
    private final class StripedRep implements KeyValueStore {

        @Override
        public String get(String key) {
            workload.countRead();
            Stripe stripe = stripeOf(key);
            synchronized (stripe) {
                return stripe.entries.get(key);
            }
        }

        @Override
        public String put(String key, String value) {
            Objects.requireNonNull(value, "value");
            workload.countWrite();
            Stripe stripe = stripeOf(key);
            synchronized (stripe) {
                return stripe.entries.put(key, value);
            }
        }

        @Override
        public String remove(String key) {
            workload.countWrite();
            Stripe stripe = stripeOf(key);
            synchronized (stripe) {
                return stripe.entries.remove(key);
            }
        }

        @Override
        public int size() {
            return StripedKeyValueStore.this.size();
        }

        @Override
        public KvSnapshot snapshot() {
            return lockedCopyOfAllStripes(0);
        }

        @Override
        public String implementation() {
            return "striped kv 1.0";
        }
    }
}
