package io.swapline.api;

/**
 * How a clustered object spreads its implementation over processor slots.
 *
 * <p>A clustered object has one {@link Root} (its global part) and one or more Reps (the
 * per-slot parts that implement its interface). The kind says how many Reps there are and
 * which slots share one.
 */
public enum RootKind {
    /** One Rep serves every slot: the ordinary object, reached without any slot lookup. */
    SHARED,
    /** One Rep per slot, created on the first call from that slot: for per-slot state such as a counter. */
    DISTRIBUTED,
    /** One Rep per group of {@code k} adjacent slots: between shared and distributed. */
    CLUSTERED
}
