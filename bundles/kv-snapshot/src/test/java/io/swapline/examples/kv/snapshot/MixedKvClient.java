package io.swapline.examples.kv.snapshot;

import java.util.Map;

import io.swapline.examples.kv.KeyValueStore;

/**
 * A client thread that owns {@value #KEYS} keys and calls {@code get} and {@code put} on them as
 * fast as it can, in a mix set from outside; it remembers the value of each acknowledged put, so a
 * test can check that the store holds exactly those.
 */
final class MixedKvClient extends Thread {

    static final int KEYS = 32;

    private final KeyValueStore store;
    private final Mix mix;
    private final String prefix;
    private final String[] acknowledged = new String[KEYS]; // by this thread; read after join
    private volatile boolean running = true;
    private volatile Throwable failure;

    private MixedKvClient(KeyValueStore store, Mix mix, int client) {
        super("kv-client-" + client);
        this.store = store;
        this.mix = mix;
        this.prefix = "client-" + client + "-key-";
    }

    static MixedKvClient start(KeyValueStore store, Mix mix, int client) {
        MixedKvClient started = new MixedKvClient(store, mix, client);
        started.start();
        return started;
    }

    @Override
    public void run() {
        try {
            for (long call = 0; running; call++) {
                int k = (int) (call % KEYS);
                if (call % 100 < mix.writesPerHundred) {
                    String value = "value-" + call;
                    store.put(prefix + k, value);
                    acknowledged[k] = value;
                } else {
                    store.get(prefix + k);
                }
            }
        } catch (Throwable e) {
            failure = e;
        }
    }

    /** Stops the thread and waits for it. */
    void finish() throws InterruptedException {
        running = false;
        join();
    }

    Throwable failure() {
        return failure;
    }

    /** Adds this client's acknowledged keys and their last values; call after {@link #finish()}. */
    void addAcknowledgedEntriesTo(Map<String, String> entries) {
        for (int k = 0; k < KEYS; k++) {
            if (acknowledged[k] != null) {
                entries.put(prefix + k, acknowledged[k]);
            }
        }
    }

    /** The share of writes, set by the test while the clients run. */
    static final class Mix {
        volatile int writesPerHundred;

        Mix(int writesPerHundred) {
            this.writesPerHundred = writesPerHundred;
        }

        void setWritesPerHundred(int writesPerHundred) {
            this.writesPerHundred = writesPerHundred;
        }
    }
}
