package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Proof that swaps overlapped calls: after each swap a test reads the object's last swap record
 * (from its MXBean, {@code io.swapline:type=ClusteredObject,name="<object>"}, or from the text a
 * {@code swapline:swap} returns), checks that it completed, and adds up the calls it forwarded and
 * blocked. A test of swaps under load asserts that the sum is above zero
 * ({@link #assertCallsOverlapped()}): a swap no call overlapped proves nothing about the race it
 * targets (STYLE.md, convention 9). The records are the ones the platform keeps, so this reads
 * what the Mediator counted, not what the test guesses.
 */
final class SwapOverlap {

    private static final Pattern CALLS = Pattern.compile(" forwarded=(\\d+) blocked=(\\d+) ");

    private final String object;
    private final List<String> records = new ArrayList<>();
    private long forwarded;
    private long blocked;

    private SwapOverlap(String object) {
        this.object = object;
    }

    /** For the swaps of the clustered object named {@code object}. */
    static SwapOverlap of(String object) {
        return new SwapOverlap(object);
    }

    /**
     * Reads the object's last swap record from its MXBean and {@linkplain #add(String) adds} it;
     * call right after a swap ended (e.g. after {@code Bundle.update} returned).
     *
     * @param expectedSwapCount the swaps completed on the object, this one included
     */
    void addLastSwap(long expectedSwapCount) throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("io.swapline:type=ClusteredObject,name=" + ObjectName.quote(object));
        assertEquals("swaps completed on '" + object + "' (JMX)", expectedSwapCount, server.getAttribute(name, "SwapCount"));
        add((String) server.getAttribute(name, "LastSwap"));
    }

    /** Checks that {@code record} (a swap record's text) completed, and counts its calls. */
    void add(String record) {
        assertTrue("a completed swap of '" + object + "': " + record,
                record.startsWith(object + ": ") && record.contains(" [COMPLETE] "));
        Matcher calls = CALLS.matcher(record);
        assertTrue("forwarded and blocked calls in " + record, calls.find());
        forwarded += Long.parseLong(calls.group(1));
        blocked += Long.parseLong(calls.group(2));
        records.add(record);
    }

    /** Fails unless at least one call was forwarded or blocked by the swaps added. */
    void assertCallsOverlapped() {
        assertTrue("no call was forwarded or blocked in " + records.size() + " swaps: none overlapped a call, so the"
                + " test proved nothing about swapping under load; " + records, forwarded + blocked > 0);
    }

    /** @return e.g. {@code 40 swaps: 1234 calls forwarded, 56 blocked} */
    @Override
    public String toString() {
        return records.size() + " swaps of '" + object + "': " + forwarded + " calls forwarded, " + blocked + " blocked";
    }
}
