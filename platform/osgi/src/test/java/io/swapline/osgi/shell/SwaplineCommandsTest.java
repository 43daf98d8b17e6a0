package io.swapline.osgi.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.swapline.osgi.implementations.ImplementationProtocols;
import io.swapline.osgi.objects.ObjectView;

/** What {@code swapline:info} formats without a framework: the protocols column. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SwaplineCommandsTest {

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
