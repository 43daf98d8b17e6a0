package io.swapline.osgi.implementations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.swapline.api.SharedRoot;
import io.swapline.api.TransferProtocol;

/** The description of a live root's protocols, most significant bit first; a root's own failure in the line. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ImplementationProtocolsTest {

    @Test
    void describesExportsAndImportsOfALiveRoot() {
        assertEquals("exports greeting/3, greeting-cells/1 (per Rep) | imports greeting/3",
                ImplementationProtocols.describe(new Fixtures.GoodRoot()));
    }

    @Test
    void statelessAndFailingRoots() {
        SharedRoot<Runnable> stateless = new SharedRoot<>() {
            @Override
            protected Runnable newRep(int repIndex) {
                return () -> { };
            }

            @Override
            public boolean isStateless() {
                return true;
            }
        };
        assertEquals("stateless", ImplementationProtocols.describe(stateless));
        assertEquals("exports none | imports none", ImplementationProtocols.describe(SharedRoot.of(() -> (Runnable) () -> { })));
        SharedRoot<Runnable> failing = new SharedRoot<>() {
            @Override
            protected Runnable newRep(int repIndex) {
                return () -> { };
            }

            @Override
            public Set<TransferProtocol<?>> exportProtocols() {
                throw new IllegalStateException("not yet");
            }
        };
        assertEquals("protocols unknown: java.lang.IllegalStateException: not yet", ImplementationProtocols.describe(failing));
    }
}
