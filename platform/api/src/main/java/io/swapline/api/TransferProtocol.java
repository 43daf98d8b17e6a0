package io.swapline.api;

import java.util.Objects;

/**
 * A way to move a clustered object's state from one implementation to another during a swap.
 *
 * <p>Protocols are defined a priori per interface family, normally as constants in the API
 * bundle that exports the interface, each with a distinct bit number. An implementation's
 * root lists the protocols it can {@linkplain Root#exportProtocols() export} and
 * {@linkplain Root#importProtocols() import}. When a swap starts, the runtime intersects the
 * old implementation's export bits with the new one's import bits and picks the <b>most
 * significant</b> remaining bit (the rule of the K42 hot-swapping patent), so give the
 * cheapest, richest protocol the highest bit — typically a by-reference structure above a
 * canonical copy.
 *
 * <p>Two sides agree on a protocol only if they name the same bit <em>and</em> the same state
 * type: the same {@code Class} object, loaded from the same API bundle. A by-reference state
 * type must therefore live in the API package, never in an implementation bundle.
 *
 * @param <S> the state's type: an immutable snapshot, a structure handed over by reference, a
 *     canonical map, a byte array…
 */
public final class TransferProtocol<S> {

    /** The highest bit number a protocol may use. */
    public static final int MAX_BIT = 63;

    private final String name;
    private final int bit;
    private final Class<S> stateType;
    private final boolean perRep;

    private TransferProtocol(String name, int bit, Class<S> stateType, boolean perRep) {
        this.name = name;
        this.bit = bit;
        this.stateType = stateType;
        this.perRep = perRep;
    }

    /**
     * Defines a protocol.
     *
     * @param name a name for records and diagnostics, e.g. {@code "counter-by-reference"}
     * @param bit its bit number, 0 to {@link #MAX_BIT}; higher is preferred
     * @param stateType the type of the state handed from export to import
     * @param <S> the state type
     * @return the protocol
     * @throws IllegalArgumentException if {@code bit} is out of range
     */
    public static <S> TransferProtocol<S> define(String name, int bit, Class<S> stateType) {
        return create(name, bit, stateType, false);
    }

    /**
     * Defines a per-Rep protocol: state moves Rep by Rep, from each old Rep to the new Rep with
     * the same index, all Reps in parallel (the seed's worker threads). The runtime calls
     * {@link Root#exportRepState} and {@link Root#importRepState} once per Rep index the old
     * implementation has created. Usable only between roots of the same kind and cluster size,
     * so that Rep indexes mean the same slots on both sides; other pairs fall back to the next
     * common protocol.
     *
     * @param name a name for records and diagnostics
     * @param bit its bit number, 0 to {@link #MAX_BIT}; higher is preferred
     * @param stateType the type of one Rep's state
     * @param <S> the state type
     * @return the protocol
     * @throws IllegalArgumentException if {@code bit} is out of range
     */
    public static <S> TransferProtocol<S> definePerRep(String name, int bit, Class<S> stateType) {
        return create(name, bit, stateType, true);
    }

    private static <S> TransferProtocol<S> create(String name, int bit, Class<S> stateType, boolean perRep) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stateType, "stateType");
        if (bit < 0 || bit > MAX_BIT) {
            throw new IllegalArgumentException("protocol bit must be 0.." + MAX_BIT + ", was " + bit);
        }
        return new TransferProtocol<>(name, bit, stateType, perRep);
    }

    /**
     * The protocol's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The protocol's bit number.
     *
     * @return 0 to {@link #MAX_BIT}
     */
    public int bit() {
        return bit;
    }

    /**
     * The type of the state.
     *
     * @return the state type
     */
    public Class<S> stateType() {
        return stateType;
    }

    /**
     * Whether state moves Rep by Rep.
     *
     * @return true for a protocol made by {@link #definePerRep}
     */
    public boolean isPerRep() {
        return perRep;
    }

    /**
     * Whether {@code other} is the same protocol as seen from another implementation: same bit,
     * same name, same state type, same granularity.
     *
     * @param other another protocol
     * @return true if the two can exchange state
     */
    public boolean agreesWith(TransferProtocol<?> other) {
        return other.bit == bit && other.name.equals(name) && other.stateType == stateType && other.perRep == perRep;
    }

    @Override
    public String toString() {
        return name + "(bit " + bit + ", " + stateType.getName() + (perRep ? ", per Rep" : "") + ")";
    }
}
