package io.swapline.karaf.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The example client's report as {@code counter:report} prints it (counter-client's
 * {@code LoadReport.toString()}): {@code calls=… failures=… count=… implementation='…' activations=…}.
 *
 * @param calls increments that returned (acknowledged)
 * @param failures calls that threw
 * @param count the counter's value, read after {@code calls}
 * @param implementation what the counter says serves it
 * @param activations the client component's activations since its bundle's revision started
 */
record CounterReport(long calls, long failures, long count, String implementation, int activations) {

    /** The client's calling threads: at most this many increments are in flight at a report. */
    static final int CLIENT_THREADS = 3;

    private static final Pattern REPORT = Pattern.compile(
            "calls=(\\d+) failures=(\\d+) count=(\\d+) implementation='([^']*)' activations=(\\d+)");

    /**
     * Parses the one report in a command's output, and checks what holds for every report: the
     * count, read after the calls while the threads go on, is the calls plus those in flight.
     */
    static CounterReport parse(String output) {
        Matcher m = REPORT.matcher(output);
        if (!m.find()) {
            throw new AssertionError("no counter report in:\n" + output);
        }
        CounterReport report = new CounterReport(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                Long.parseLong(m.group(3)), m.group(4), Integer.parseInt(m.group(5)));
        assertTrue(report.count >= report.calls && report.count <= report.calls + CLIENT_THREADS,
                "count is the acknowledged calls plus at most " + CLIENT_THREADS + " in flight: " + report);
        return report;
    }

    /** Parses, or returns null when the output holds no report (the client is not active yet). */
    static CounterReport parseIfAny(String output) {
        return REPORT.matcher(output).find() ? parse(output) : null;
    }
}
