package io.swapline.testing;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One client thread's work in a {@link SwapTester} run: the tester calls {@link #call} in a
 * loop, from a thread of its own, while it swaps the object under the calls.
 *
 * <p>Each client thread gets its own instance (see {@link SwapTester#clients(int,
 * java.util.function.IntFunction)}), so an instance may keep plain fields — the values it has
 * written, the last value it read — and check after every call that what it sees is consistent
 * with what it did. That is how a client catches a swap that loses or reorders state:
 * <pre>{@code
 * final class OwnKeysClient implements SwapClient<KeyValueStore> {
 *     private final String key;
 *     private long lastWritten = -1;
 *     OwnKeysClient(int client) { key = "client-" + client; }
 *
 *     public void call(KeyValueStore store, long iteration) {
 *         String seen = store.get(key);
 *         if (lastWritten >= 0 && !String.valueOf(lastWritten).equals(seen)) {
 *             throw new AssertionError(key + " was " + lastWritten + ", reads " + seen);
 *         }
 *         store.put(key, String.valueOf(iteration));
 *         lastWritten = iteration;
 *     }
 * }
 * }</pre>
 *
 * <p>Anything {@code call} throws — an {@link AssertionError} of your own check, or an exception
 * of the object — counts as a failed call; the report keeps the first ones with their stack
 * traces, and the run goes on.
 *
 * @param <T> the clustered object's interface
 */
@ConsumerType
@FunctionalInterface
public interface SwapClient<T> {

    /**
     * Makes one call (or a few related ones) on the object and checks what it sees.
     *
     * @param object the object's stub, the same instance for the whole run of one protocol
     * @param iteration how many times this client has been called before, from 0
     * @throws Exception a failed call or a violated expectation
     */
    void call(T object, long iteration) throws Exception;

    /**
     * Checks the object after every client has made its last call of a run, before the object
     * is destroyed: for example that each key this client wrote holds the value it wrote last.
     * Called once per run, from the tester's thread, while no other call is running. Does
     * nothing by default.
     *
     * @param object the object's stub
     * @throws Exception a violated expectation
     */
    default void checkAfterLastCall(T object) throws Exception {
    }
}
