package io.swapline.chaos;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The swap records of {@code counter}, collected from {@code swapline:history counter} as often as
 * the test reads it (the runtime keeps the last 32), without duplicates: the evidence that swaps ran
 * while calls were in flight (forwarded and blocked calls).
 */
final class SwapHistory {

    private static final Pattern CALLS = Pattern.compile(" forwarded=(\\d+) blocked=(\\d+) ");

    private final Set<String> lines = new LinkedHashSet<>();

    /** Adds the lines of one {@code swapline:history counter} output. */
    synchronized void add(String history) {
        for (String line : history.split("\n")) {
            if (!line.isBlank() && !line.equals("no swaps")) {
                lines.add(line);
            }
        }
    }

    synchronized long completed() {
        return lines.stream().filter(line -> line.contains(" [COMPLETE]")).count();
    }

    synchronized long rolledBack() {
        return lines.stream().filter(line -> line.contains(" [ROLLED_BACK")).count();
    }

    synchronized long refused() {
        return lines.stream().filter(line -> line.contains(" [REFUSED")).count();
    }

    /** @return calls forwarded by completed swaps */
    synchronized long forwarded() {
        return sum(1);
    }

    /** @return calls blocked by completed swaps */
    synchronized long blocked() {
        return sum(2);
    }

    /** @return completed swaps that forwarded or blocked at least one call */
    synchronized long withCallsInFlight() {
        return lines.stream().filter(line -> line.contains(" [COMPLETE]")).filter(line -> {
            Matcher calls = CALLS.matcher(line);
            return calls.find() && (Long.parseLong(calls.group(1)) > 0 || Long.parseLong(calls.group(2)) > 0);
        }).count();
    }

    private long sum(int group) {
        long sum = 0;
        for (String line : lines) {
            Matcher calls = CALLS.matcher(line);
            if (line.contains(" [COMPLETE]") && calls.find()) {
                sum += Long.parseLong(calls.group(group));
            }
        }
        return sum;
    }

    /** @return e.g. "41 records: 38 completed (12 with calls in flight: 95 forwarded, 7 blocked), 1 rolled back, 2 refused" */
    synchronized String summary() {
        return lines.size() + " distinct records seen: " + completed() + " completed (" + withCallsInFlight()
                + " with calls in flight: " + forwarded() + " forwarded, " + blocked() + " blocked), " + rolledBack()
                + " rolled back, " + refused() + " refused";
    }

    /** @return the reason of the last REFUSED or ROLLED_BACK record in a history output, or "none" */
    static String lastRefusal(String history) {
        String last = "none";
        for (String line : history.split("\n")) {
            int start = line.indexOf(" [REFUSED: ");
            start = start >= 0 ? start : line.indexOf(" [ROLLED_BACK: ");
            if (start >= 0) {
                int end = line.indexOf("] protocol=", start);
                last = line.substring(0, line.indexOf(' ')) + " " + line.substring(start + 2, end > 0 ? end : line.length());
            }
        }
        return last;
    }

    /** @return the records that did not complete, one per line */
    synchronized String notCompleted() {
        StringBuilder text = new StringBuilder();
        lines.stream().filter(line -> !line.contains(" [COMPLETE]")).forEach(line -> text.append("  ").append(line).append('\n'));
        return text.length() == 0 ? "  none\n" : text.toString();
    }
}
