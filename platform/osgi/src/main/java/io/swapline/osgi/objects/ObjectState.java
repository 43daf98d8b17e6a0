package io.swapline.osgi.objects;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of one clustered object in the extender, with the transitions allowed between
 * its states. {@link KnownObject} holds an object's state and is the only writer of it.
 *
 * <pre>
 *   OFFERED ──create──▶ SERVING ◀──swap── (update, refresh, swapline:swap, policy, stop with an alternative)
 *      │                 │   ▲
 *      │          stop   │   │ hand-over (the successor imported the kept state and the waiting root left)
 *      │      (no allowed▼   │
 *      │      successor) WAITING ──hand-over begun──▶ HANDING_OVER ──the waiting root swapped out──▶ SERVING
 *      ▼                 │                                │
 *   CLOSED ◀─────────────┴────────────────────────────────┘  (extender stops; API refresh with no common protocol)
 * </pre>
 */
public enum ObjectState {

    /** Implementations are offered for the name but no object exists yet (none created, or the first failed). */
    OFFERED,
    /** An implementation's root serves every call directly. */
    SERVING,
    /**
     * The serving implementation's bundle stopped and no allowed successor was active: a waiting
     * root keeps the state and calls wait for a successor, each up to the replacement timeout.
     */
    WAITING,
    /**
     * A successor took the kept state and serves the waiting calls through the waiting root; the
     * swap that removes the waiting root has not completed yet (it is retried).
     */
    HANDING_OVER,
    /** The object was destroyed and its service unregistered. Terminal. */
    CLOSED;

    private static final Map<ObjectState, Set<ObjectState>> NEXT = Map.of(
            OFFERED, EnumSet.of(SERVING, CLOSED),
            SERVING, EnumSet.of(SERVING, WAITING, CLOSED),
            WAITING, EnumSet.of(SERVING, HANDING_OVER, CLOSED),
            HANDING_OVER, EnumSet.of(SERVING, CLOSED),
            CLOSED, EnumSet.noneOf(ObjectState.class));

    /**
     * @param next a state
     * @return whether an object in this state may move to {@code next}
     */
    public boolean canBecome(ObjectState next) {
        return NEXT.get(this).contains(next);
    }

    /** @return whether the object exists and its service is registered in this state */
    public boolean isPublished() {
        return this == SERVING || this == WAITING || this == HANDING_OVER;
    }
}
