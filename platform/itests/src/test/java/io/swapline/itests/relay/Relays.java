package io.swapline.itests.relay;

/**
 * Where each relay finds its peer: the test puts here the two services (the stubs, which a swap
 * never replaces), before any call. A static of the interface's bundle keeps the implementation
 * bundles free of OSGi look-up code; both revisions of each implementation see the same stubs.
 */
public final class Relays {

    private static volatile Relay a;
    private static volatile Relay b;

    private Relays() {
    }

    /**
     * Sets the two objects' services.
     *
     * @param relayA the service of {@code relay.a}
     * @param relayB the service of {@code relay.b}
     */
    public static void set(Relay relayA, Relay relayB) {
        a = relayA;
        b = relayB;
    }

    /**
     * The peer of the object named by {@code letter}.
     *
     * @param letter {@code 'A'} or {@code 'B'}
     * @return the other object's service
     */
    public static Relay peerOf(char letter) {
        return letter == 'A' ? b : a;
    }
}
