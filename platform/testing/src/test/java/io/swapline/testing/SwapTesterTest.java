package io.swapline.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.swapline.api.TransferProtocol;
import io.swapline.testing.fixtures.ClusteredTally;
import io.swapline.testing.fixtures.DistributedTally;
import io.swapline.testing.fixtures.ForgetfulNotebook;
import io.swapline.testing.fixtures.Notebook;
import io.swapline.testing.fixtures.OwnKeysClient;
import io.swapline.testing.fixtures.SharedNotebook;
import io.swapline.testing.fixtures.SharedTally;
import io.swapline.testing.fixtures.Tally;

/** The swap tester passes correct implementations through every common protocol, and catches broken ones. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SwapTesterTest {

    /** Swaps per run in the tests that expect a pass; the tests of failures need fewer. */
    private static final int SWAPS = 40;
    private static final int FEW_SWAPS = 10;

    @Test
    void correctImplementationsPassThroughEveryCommonProtocolHighestBitFirst() {
        SwapTestReport report = notebookTester(SharedNotebook::new, SharedNotebook::new).verify();

        assertEquals(List.of(Notebook.LIVE_PAGES.name(), Notebook.COPY.name()), report.runs());
        assertEquals(2 * SWAPS, report.swapsCompleted());
        assertEquals(Map.of(Notebook.LIVE_PAGES.name(), (long) SWAPS, Notebook.COPY.name(), (long) SWAPS),
                report.completedSwapsByProtocol());
        assertTrue(report.swaps().stream().allMatch(swap -> swap.forcedProtocol().equals(swap.record().protocol())),
                report::toString);
        assertEquals(2 * SWAPS, report.transfersCompared(), "every transfer's state was compared");
        assertEquals(0, report.failedCalls());
        assertTrue(report.calls() >= 4L * 2 * (SWAPS + 1), "each client called between every two swaps");
    }

    /** Regression guard: a tester that cannot fail is a defect. The import drops the state. */
    @Test
    void anImportThatDropsTheStateFailsTheTestAndTheSwapRollsBack() {
        SwapTester<Notebook> tester = notebookTester(SharedNotebook::new, ForgetfulNotebook::new).swaps(FEW_SWAPS);

        SwapTestFailure failure = assertThrows(SwapTestFailure.class, tester::verify);

        SwapTestReport report = failure.report();
        assertFalse(report.passed());
        assertTrue(failure.getMessage().contains("the state changed across the transfer"), failure::getMessage);
        assertTrue(failure.getMessage().contains("shared -> forgetful"), failure::getMessage);
        assertEquals(2 * FEW_SWAPS, report.swapsRolledBack(), "every swap to the forgetful notebook rolled back");
        assertEquals(0, report.swapsCompleted());
        assertEquals(0, report.failedCalls(), "the old notebook kept serving with its state");
    }

    @Test
    void withoutAStateViewTheClientsOwnChecksCatchTheDroppedState() {
        SwapTester<Notebook> tester = SwapTester.forInterface(Notebook.class)
                .implementation("shared", SharedNotebook::new)
                .implementation("forgetful", ForgetfulNotebook::new)
                .clients(4, OwnKeysClient::new)
                .swaps(FEW_SWAPS);

        SwapTestReport report = tester.run();

        assertFalse(report.passed());
        assertTrue(report.failedCalls() > 0, report::toString);
        assertTrue(report.violations().get(0).contains("should hold"), report.violations()::toString);
        assertThrows(SwapTestFailure.class, report::assertPassed);
    }

    @Test
    void aProtocolOnlyOneDirectionSupportsIsForcedThatWayAndTheOtherWayNegotiates() {
        Set<TransferProtocol<?>> both = Set.of(Notebook.LIVE_PAGES, Notebook.COPY);
        Set<TransferProtocol<?>> copyOnly = Set.of(Notebook.COPY);
        // "exporter" hands its live pages over; "copier" can only give copies back.
        SwapTestReport report = notebookTester(() -> new SharedNotebook(both, copyOnly),
                () -> new SharedNotebook(copyOnly, both)).verify();

        List<SwapTestReport.Swap> liveRun = report.swaps().stream()
                .filter(swap -> swap.run().equals(Notebook.LIVE_PAGES.name())).toList();
        assertEquals(SWAPS, liveRun.size());
        for (int i = 0; i < liveRun.size(); i++) {
            SwapTestReport.Swap swap = liveRun.get(i);
            if (i % 2 == 0) {
                assertEquals(Notebook.LIVE_PAGES.name(), swap.forcedProtocol());
            } else {
                assertNull(swap.forcedProtocol(), "the way back cannot use live pages");
                assertEquals(Notebook.COPY.name(), swap.record().protocol());
            }
        }
    }

    @Test
    void aPerRepProtocolIsForcedBetweenDistributedRootsAndMixedKindsFallBack() {
        AtomicLong acknowledged = new AtomicLong();
        SwapTestReport report = SwapTester.forInterface(Tally.class)
                .implementation("distributed", DistributedTally::new)
                .implementation("distributed again", DistributedTally::new)
                .implementation("shared", SharedTally::new)
                .clients(4, client -> {
                    if (client == 0) {
                        acknowledged.set(0); // a new run starts with a new object
                    }
                    return new MonotonicTallyClient(acknowledged);
                })
                .state(Tally::total)
                .afterEachRun(tally -> assertEquals(acknowledged.get(), tally.total(), "no add lost or doubled"))
                .swaps(30)
                .verify();

        assertEquals(List.of(Tally.CELLS.name(), Tally.TOTAL.name()), report.runs());
        // In the cells run, only distributed -> distributed again (1 swap in 3) can go Rep by Rep.
        assertEquals(10, report.swaps().stream().filter(swap -> Tally.CELLS.name().equals(swap.forcedProtocol()))
                .filter(swap -> swap.record().protocol().equals(Tally.CELLS.name())).count());
        assertEquals(60, report.swapsCompleted());
        assertEquals(60, report.transfersCompared());
    }

    /** The runtime's rule, end to end: Rep indexes of clusters of 2 and of 4 slots mean different slots. */
    @Test
    void aPerRepProtocolIsForcedOnlyBetweenClusteredRootsOfTheSameClusterSize() {
        AtomicLong acknowledged = new AtomicLong();
        SwapTestReport report = SwapTester.forInterface(Tally.class)
                .implementation("pairs", () -> ClusteredTally.movingCells(2))
                .implementation("pairs again", () -> ClusteredTally.movingCells(2))
                .implementation("fours", () -> ClusteredTally.movingCells(4))
                .clients(4, client -> {
                    if (client == 0) {
                        acknowledged.set(0); // a new run starts with a new object
                    }
                    return new MonotonicTallyClient(acknowledged);
                })
                .state(Tally::total)
                .afterEachRun(tally -> assertEquals(acknowledged.get(), tally.total(), "no add lost or doubled"))
                .swaps(15)
                .verify();

        assertEquals(List.of(Tally.CELLS.name(), Tally.TOTAL.name()), report.runs());
        List<SwapTestReport.Swap> cellsRun = report.swaps().stream()
                .filter(swap -> swap.run().equals(Tally.CELLS.name())).toList();
        for (int i = 0; i < cellsRun.size(); i++) {
            SwapTestReport.Swap swap = cellsRun.get(i);
            if (i % 3 == 0) { // pairs -> pairs again
                assertEquals(Tally.CELLS.name(), swap.forcedProtocol());
                assertEquals(Tally.CELLS.name(), swap.record().protocol());
            } else { // pairs again -> fours, fours -> pairs
                assertNull(swap.forcedProtocol(), "swap " + (i + 1) + " cannot go Rep by Rep");
                assertEquals(Tally.TOTAL.name(), swap.record().protocol());
            }
        }
        assertEquals(30, report.swapsCompleted());
        assertEquals(30, report.transfersCompared());
    }

    /** Regression guard: root-level state that a per-Rep export leaves behind is caught too. */
    @Test
    void aPerRepExportThatForgetsRootLevelStateFailsTheCellsRun() {
        SwapTestReport report = SwapTester.forInterface(Tally.class)
                .implementation("shared", SharedTally::new)
                .implementation("base-forgetting distributed", DistributedTally::forgettingItsBase)
                .implementation("distributed", DistributedTally::new)
                .clients(4, client -> new MonotonicTallyClient(new AtomicLong()))
                .state(Tally::total)
                .swaps(FEW_SWAPS)
                .run();

        assertFalse(report.passed());
        assertTrue(report.violations().stream().anyMatch(v -> v.startsWith(Tally.CELLS.name())
                && v.contains("base-forgetting distributed -> distributed")
                && v.contains("the state changed across the transfer")), report.violations()::toString);
        assertTrue(report.swaps().stream().filter(swap -> swap.run().equals(Tally.TOTAL.name()))
                .allMatch(swap -> swap.record().completed()), "the total carries the base: " + report);
        assertEquals(0, report.failedCalls(), "rolled back: the old tally kept serving its total");
    }

    @Test
    void aClusteredRootIsWrappedAsAClusteredRootOfTheSameClusterSize() {
        AtomicLong acknowledged = new AtomicLong();
        SwapTestReport report = SwapTester.forInterface(Tally.class)
                .implementation("clustered", ClusteredTally::new)
                .implementation("distributed", DistributedTally::new)
                .clients(4, client -> new MonotonicTallyClient(acknowledged))
                .state(Tally::total)
                .afterEachRun(tally -> assertEquals(acknowledged.get(), tally.total(), "no add lost or doubled"))
                .swaps(FEW_SWAPS)
                .verify();

        assertEquals(List.of(Tally.TOTAL.name()), report.runs());
        assertEquals(FEW_SWAPS, report.swapsCompleted());
        assertEquals(FEW_SWAPS, report.transfersCompared());
    }

    @Test
    void implementationsWithNoCommonProtocolAreReportedAsRefused() {
        Set<TransferProtocol<?>> none = Set.of();
        SwapTestReport report = notebookTester(SharedNotebook::new, () -> new SharedNotebook(none, none)).run();

        assertFalse(report.passed());
        assertEquals(1, report.swapsRefused());
        assertTrue(report.violations().stream().anyMatch(v -> v.contains("refused") && v.contains("no common")),
                report.violations()::toString);
    }

    @Test
    void anExportThatThrowsIsReportedWithItsException() {
        SwapTestReport report = notebookTester(() -> new SharedNotebook() {
            @Override
            public <S> S exportState(TransferProtocol<S> protocol) {
                throw new IllegalStateException("export broken on purpose");
            }
        }, SharedNotebook::new).swaps(FEW_SWAPS).run();

        assertFalse(report.passed());
        assertEquals(0, report.swapsCompleted());
        assertTrue(report.violations().get(0).contains("failed to export its state")
                && report.violations().get(0).contains("export broken on purpose"), report.violations()::toString);
        SwapTestFailure failure = assertThrows(SwapTestFailure.class, report::assertPassed);
        assertEquals("export broken on purpose", failure.getCause().getMessage());
    }

    @Test
    void aFailingAfterRunCheckIsAViolation() {
        SwapTestReport report = notebookTester(SharedNotebook::new, SharedNotebook::new).swaps(FEW_SWAPS)
                .afterEachRun(notebook -> {
                    throw new AssertionError("after-run check broken on purpose");
                })
                .run();

        assertEquals(2, report.violationCount(), "one per run");
        assertTrue(report.violations().get(0).contains("after-run check failed"), report.violations()::toString);
    }

    @Test
    void aSupplierThatReturnsTheSameRootTwiceIsRejectedClearly() {
        SharedNotebook only = new SharedNotebook();
        SwapTester<Notebook> tester = notebookTester(() -> only, SharedNotebook::new);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, tester::run);

        assertTrue(error.getMessage().contains("return a new root on every call"), error::getMessage);
    }

    @Test
    void fewerThanTwoImplementationsOrNoClientsIsAUsageError() {
        assertThrows(IllegalStateException.class, () -> SwapTester.forInterface(Notebook.class)
                .implementation("one", SharedNotebook::new).clients(1, OwnKeysClient::new).run());
        assertThrows(IllegalStateException.class, () -> SwapTester.forInterface(Notebook.class)
                .implementation("one", SharedNotebook::new).implementation("two", SharedNotebook::new).run());
    }

    private static SwapTester<Notebook> notebookTester(java.util.function.Supplier<SharedNotebook> first,
            java.util.function.Supplier<SharedNotebook> second) {
        return SwapTester.forInterface(Notebook.class)
                .implementation("shared", first)
                .implementation(second.get() instanceof ForgetfulNotebook ? "forgetful" : "other", second)
                .clients(4, OwnKeysClient::new)
                .state(Notebook::contents)
                .swaps(SWAPS);
    }

    /** Adds 1 and checks that the total never goes backwards. */
    private static final class MonotonicTallyClient implements SwapClient<Tally> {
        private final AtomicLong acknowledged;
        private long lastTotal;

        MonotonicTallyClient(AtomicLong acknowledged) {
            this.acknowledged = acknowledged;
        }

        @Override
        public void call(Tally tally, long iteration) {
            tally.add(1);
            acknowledged.incrementAndGet();
            long total = tally.total();
            if (total < lastTotal) {
                throw new AssertionError("total went backwards: " + lastTotal + " then " + total);
            }
            lastTotal = total;
        }
    }
}
