package io.swapline.testing;

/**
 * A {@link SwapTester} run found violations: failed calls, a state that changed across a
 * transfer, a swap that did not complete or used another protocol than the one under test. The
 * message lists the report's summary and the first violations; the cause is the first exception
 * a call, an export or an import threw, if any.
 */
public final class SwapTestFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final transient SwapTestReport report;

    SwapTestFailure(SwapTestReport report, Throwable cause) {
        super(report.describeFailure(), cause);
        this.report = report;
    }

    /**
     * The report of the failed run.
     *
     * @return the report
     */
    public SwapTestReport report() {
        return report;
    }
}
