package io.swapline.osgi.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.swapline.api.RepFailure;
import io.swapline.osgi.implementations.ImplementationProtocols;
import io.swapline.osgi.objects.ObjectView;

/** What {@code swapline:info} formats without a framework: the protocols column and the rep failures. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SwaplineCommandsTest {

    @Test
    void repFailuresAreAHeaderAndOneLinePerCause() {
        Instant first = Instant.parse("2026-12-04T04:00:00Z");
        Instant last = Instant.parse("2026-12-04T04:00:05Z");
        RepFailure failure = new RepFailure("io.example.Cells", "java.lang.IllegalStateException: no cell\nfor 1",
                "io.example.Cells.newRep(Cells.java:12)", 1, 3, 17, first, last);

        assertEquals(List.of("rep failures (calls failed because newRep threw, one line per cause):",
                "  io.example.Cells: 17 call(s) failed, first 2026-12-04T04:00:00Z, last 2026-12-04T04:00:05Z, Rep 1"
                        + " (slot 3): java.lang.IllegalStateException: no cell\\nfor 1 at io.example.Cells.newRep(Cells.java:12)"),
                SwaplineCommands.repFailureLines(List.of(failure)));
    }

    @Test
    void noRepFailuresSayNone() {
        assertEquals(List.of("rep failures (calls failed because newRep threw, one line per cause):", "  none"),
                SwaplineCommands.repFailureLines(List.of()));
    }

    @Test
    void onlyTheServingImplementationShowsProtocols() {
        String live = "exports a/1 | imports a/1";

        assertEquals(live, SwaplineCommands.protocols(new ObjectView.Candidate(null, true, true, null), live));
        assertEquals(ImplementationProtocols.NOT_KNOWN,
                SwaplineCommands.protocols(new ObjectView.Candidate(null, false, true, null), live));
        assertEquals(ImplementationProtocols.NOT_KNOWN, // waiting: no live root of an implementation
                SwaplineCommands.protocols(new ObjectView.Candidate(null, true, false, null), null));
    }
}
