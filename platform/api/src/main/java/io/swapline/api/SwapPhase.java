package io.swapline.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * The phases of a hot swap, in the order of the K42 patent, with the transitions allowed
 * between them.
 *
 * <pre>
 * PREPARE ──▶ FORWARD ──▶ BLOCK ──▶ TRANSFER ──▶ COMPLETE
 *    │           │          │          │
 *    ▼           └──────────┴──────────┴──▶ ROLLED_BACK
 * REFUSED
 * </pre>
 */
public enum SwapPhase {
    /** The new implementation is instantiated and a transfer protocol negotiated; nothing is interposed yet. */
    PREPARE,
    /** The Mediator is interposed; new calls are counted and forwarded to the old object until no call that started before the swap remains. */
    FORWARD,
    /** New calls wait (except reentrant ones from threads inside a forwarded call) until no forwarded call remains. */
    BLOCK,
    /** The object is quiescent; its state moves from the old implementation to the new one. */
    TRANSFER,
    /** Done: the new implementation serves every call. Terminal. */
    COMPLETE,
    /** Refused before anything was interposed. Terminal. */
    REFUSED,
    /** Undone after interposition: the old implementation serves every call, its state intact. Terminal. */
    ROLLED_BACK;

    /**
     * Whether a swap in this phase may move to {@code next}.
     *
     * @param next the next phase
     * @return true if the transition is allowed
     */
    public boolean canMoveTo(SwapPhase next) {
        return successors().contains(next);
    }

    /**
     * The phases a swap in this phase may move to.
     *
     * @return the allowed next phases; empty for terminal phases
     */
    public Set<SwapPhase> successors() {
        return switch (this) {
            case PREPARE -> EnumSet.of(FORWARD, REFUSED);
            case FORWARD -> EnumSet.of(BLOCK, ROLLED_BACK);
            case BLOCK -> EnumSet.of(TRANSFER, ROLLED_BACK);
            case TRANSFER -> EnumSet.of(COMPLETE, ROLLED_BACK);
            case COMPLETE, REFUSED, ROLLED_BACK -> EnumSet.noneOf(SwapPhase.class);
        };
    }

    /**
     * Whether the swap has ended in this phase.
     *
     * @return true for {@link #COMPLETE}, {@link #REFUSED} and {@link #ROLLED_BACK}
     */
    public boolean isTerminal() {
        return successors().isEmpty();
    }
}
