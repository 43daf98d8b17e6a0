package io.swapline.itests.relay;

/**
 * The interface of two clustered objects that call each other: {@code relay.a}'s implementation
 * calls {@code relay.b} and {@code relay.b}'s calls {@code relay.a}, down to a depth. It lives in
 * its own bundle, built at run time by {@link io.swapline.itests.TestBundles#exporting}.
 */
public interface Relay {

    /**
     * Counts one visit on this object, then, if {@code depth > 0}, relays {@code depth - 1} to the peer.
     *
     * @param depth how many more hops to the peer
     * @return the names of the objects visited, in order: {@code relay.a} at depth 3 answers {@code "ABAB"}
     */
    String relay(int depth);

    /**
     * The visits counted on this object (its state, transferred by every swap).
     *
     * @return the visits
     */
    long visits();
}
