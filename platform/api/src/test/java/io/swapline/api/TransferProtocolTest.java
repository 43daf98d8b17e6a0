package io.swapline.api;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A protocol's scope: what each factory makes, and that the scope is part of agreeing. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TransferProtocolTest {

    @Test
    void defineMakesWholeObjectProtocolsAndDefinePerRepPerRepOnes() {
        assertEquals(TransferProtocol.Scope.OBJECT, TransferProtocol.define("total", 1, Long.class).scope());
        assertEquals(TransferProtocol.Scope.REP, TransferProtocol.definePerRep("cells", 2, Long.class).scope());
    }

    @Test
    @SuppressWarnings("deprecation") // the old question must keep its answer
    void theDeprecatedIsPerRepAnswersFromTheScope() {
        assertFalse(TransferProtocol.define("total", 1, Long.class).isPerRep());
        assertTrue(TransferProtocol.definePerRep("cells", 2, Long.class).isPerRep());
    }

    @Test
    void protocolsOfDifferentScopesDoNotAgree() {
        TransferProtocol<Long> whole = TransferProtocol.define("state", 3, Long.class);

        assertTrue(whole.agreesWith(TransferProtocol.define("state", 3, Long.class)));
        assertFalse(whole.agreesWith(TransferProtocol.definePerRep("state", 3, Long.class)));
        assertFalse(TransferProtocol.definePerRep("state", 3, Long.class).agreesWith(whole));
    }

    @Test
    void onlyPerRepProtocolsSaySoInTheirName() {
        assertEquals("cells(bit 2, java.lang.Long, per Rep)", TransferProtocol.definePerRep("cells", 2, Long.class).toString());
        assertEquals("total(bit 1, java.lang.Long)", TransferProtocol.define("total", 1, Long.class).toString());
    }

    @Test
    void aBitOutsideZeroTo63IsRejected() {
        assertThrows(IllegalArgumentException.class, () -> TransferProtocol.define("x", -1, Long.class));
        assertThrows(IllegalArgumentException.class,
                () -> TransferProtocol.definePerRep("x", TransferProtocol.MAX_BIT + 1, Long.class));
    }
}
