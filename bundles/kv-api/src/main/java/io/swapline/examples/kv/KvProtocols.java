package io.swapline.examples.kv;

import java.util.Set;

import io.swapline.api.TransferProtocol;

/**
 * The ways a {@link KeyValueStore}'s state moves from one implementation to another during a
 * swap. The most significant bit both sides support wins, so by reference is preferred.
 */
public final class KvProtocols {

    /**
     * A {@link KvSnapshot}, handed over by reference: an implementation that keeps its entries in
     * a snapshot hands it over and takes one over without copying a single entry.
     */
    public static final TransferProtocol<KvSnapshot> BY_REFERENCE =
            TransferProtocol.define("kv-snapshot-by-reference", 1, KvSnapshot.class);

    /**
     * The entries in the canonical byte form of {@link KvCanonicalForm}: a copy that depends on
     * no class but {@code byte[]}, for implementations that share nothing else.
     */
    public static final TransferProtocol<byte[]> CANONICAL_BYTES =
            TransferProtocol.define("kv-canonical-bytes", 0, byte[].class);

    /** Both protocols, for implementations that support every one. */
    public static final Set<TransferProtocol<?>> ALL = Set.of(BY_REFERENCE, CANONICAL_BYTES);

    private KvProtocols() {
    }
}
