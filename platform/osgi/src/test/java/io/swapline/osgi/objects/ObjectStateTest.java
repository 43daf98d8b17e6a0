package io.swapline.osgi.objects;

import static io.swapline.osgi.objects.ObjectState.CLOSED;
import static io.swapline.osgi.objects.ObjectState.HANDING_OVER;
import static io.swapline.osgi.objects.ObjectState.OFFERED;
import static io.swapline.osgi.objects.ObjectState.SERVING;
import static io.swapline.osgi.objects.ObjectState.WAITING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every pair of states against the transition table the lifecycle documents. */
@Timeout(10)
class ObjectStateTest {

    private static final Map<ObjectState, Set<ObjectState>> DOCUMENTED = Map.of(
            OFFERED, EnumSet.of(SERVING, CLOSED),
            SERVING, EnumSet.of(SERVING, WAITING, CLOSED),
            WAITING, EnumSet.of(SERVING, HANDING_OVER, CLOSED),
            HANDING_OVER, EnumSet.of(SERVING, CLOSED),
            CLOSED, EnumSet.noneOf(ObjectState.class));

    @Test
    void everyPairIsAllowedExactlyWhenTheTableSaysSo() {
        int allowed = 0;
        for (ObjectState from : ObjectState.values()) {
            for (ObjectState to : ObjectState.values()) {
                assertEquals(DOCUMENTED.get(from).contains(to), from.canBecome(to), from + " -> " + to);
                allowed += from.canBecome(to) ? 1 : 0;
            }
        }
        assertEquals(10, allowed);
    }

    @Test
    void onlyTheStatesWithAServiceArePublished() {
        assertEquals(EnumSet.of(SERVING, WAITING, HANDING_OVER),
                EnumSet.copyOf(java.util.Arrays.stream(ObjectState.values()).filter(ObjectState::isPublished).toList()));
    }
}
