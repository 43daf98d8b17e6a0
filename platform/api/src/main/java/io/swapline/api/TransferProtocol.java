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
 * <p>A protocol's {@link #scope() scope} says what one transfer through it carries: the whole
 * object's state ({@link Scope#OBJECT}, made by {@link #define}) or one Rep's
 * ({@link Scope#REP}, made by {@link #definePerRep}).
 *
 * @param <S> the state's type: an immutable snapshot, a structure handed over by reference, a
 *     canonical map, a byte array…
 */
public final class TransferProtocol<S> {

    /** The highest bit number a protocol may use. */
    public static final int MAX_BIT = 63;

    /**
     * What one transfer through a protocol carries, and so which {@link Root} methods move the
     * state and between which roots the protocol can be used.
     */
    public enum Scope {
        /**
         * The whole object's state as one value: the runtime calls {@link Root#exportState} once
         * on the old root and {@link Root#importState} once on the new one. Usable between any two
         * roots, whatever their kinds. The scope of protocols made by {@link TransferProtocol#define}.
         */
        OBJECT,

        /**
         * One Rep's state per value: the runtime calls {@link Root#exportRepState} and
         * {@link Root#importRepState} once per Rep index the old root has created, in parallel, from
         * each old Rep to the new Rep with the same index. State the root itself holds (not in a
         * Rep) does not move. Usable only between roots whose Rep indexes mean the same slots: both
         * shared, both distributed, or both {@link ClusteredRoot}s of the same cluster size. Between
         * any other pair the negotiation skips the protocol and takes the next common one. The
         * scope of protocols made by {@link TransferProtocol#definePerRep}.
         */
        REP
    }

    private final String name;
    private final int bit;
    private final Class<S> stateType;
    private final Scope scope;

    private TransferProtocol(String name, int bit, Class<S> stateType, Scope scope) {
        this.name = name;
        this.bit = bit;
        this.stateType = stateType;
        this.scope = scope;
    }

    /**
     * Defines a protocol that moves the whole object's state in one value ({@link Scope#OBJECT}).
     *
     * @param name a name for records and diagnostics, e.g. {@code "counter-by-reference"}
     * @param bit its bit number, 0 to {@link #MAX_BIT}; higher is preferred
     * @param stateType the type of the state handed from export to import
     * @param <S> the state type
     * @return the protocol
     * @throws IllegalArgumentException if {@code bit} is out of range
     */
    public static <S> TransferProtocol<S> define(String name, int bit, Class<S> stateType) {
        return create(name, bit, stateType, Scope.OBJECT);
    }

    /**
     * Defines a per-Rep protocol ({@link Scope#REP}): state moves Rep by Rep, from each old Rep to
     * the new Rep with the same index, all Reps in parallel (the seed's worker threads). See
     * {@link Scope#REP} for the roots it can be used between.
     *
     * @param name a name for records and diagnostics
     * @param bit its bit number, 0 to {@link #MAX_BIT}; higher is preferred
     * @param stateType the type of one Rep's state
     * @param <S> the state type
     * @return the protocol
     * @throws IllegalArgumentException if {@code bit} is out of range
     */
    public static <S> TransferProtocol<S> definePerRep(String name, int bit, Class<S> stateType) {
        return create(name, bit, stateType, Scope.REP);
    }

    private static <S> TransferProtocol<S> create(String name, int bit, Class<S> stateType, Scope scope) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stateType, "stateType");
        if (bit < 0 || bit > MAX_BIT) {
            throw new IllegalArgumentException("protocol bit must be 0.." + MAX_BIT + ", was " + bit);
        }
        return new TransferProtocol<>(name, bit, stateType, scope);
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
     * What one transfer through this protocol carries: the whole object's state or one Rep's.
     *
     * @return {@link Scope#OBJECT} for a protocol made by {@link #define}, {@link Scope#REP} for
     *     one made by {@link #definePerRep}
     */
    public Scope scope() {
        return scope;
    }

    /**
     * Whether state moves Rep by Rep.
     *
     * @return true for a protocol made by {@link #definePerRep}
     * @deprecated Use {@link #scope()}: {@code scope() == Scope.REP}. Kept because removing it
     *     would break code built against version 0.1 of this package.
     */
    @Deprecated
    public boolean isPerRep() {
        return scope == Scope.REP;
    }

    /**
     * Whether {@code other} is the same protocol as seen from another implementation: same bit,
     * same name, same state type, same scope.
     *
     * @param other another protocol
     * @return true if the two can exchange state
     */
    public boolean agreesWith(TransferProtocol<?> other) {
        return other.bit == bit && other.name.equals(name) && other.stateType == stateType && other.scope == scope;
    }

    @Override
    public String toString() {
        return name + "(bit " + bit + ", " + stateType.getName() + (scope == Scope.REP ? ", per Rep" : "") + ")";
    }
}
