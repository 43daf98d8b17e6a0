package io.swapline.chaos;

import java.util.Map;
import java.util.TreeMap;

/**
 * Failures counted by kind: where (an operation's name or a client's call) and the exception's
 * shape (class and message with numbers blanked), each kind with its first example in full.
 */
final class Classified {

    private final Map<String, Integer> counts = new TreeMap<>();
    private final Map<String, String> firstExample = new TreeMap<>();

    /**
     * Counts one failure.
     *
     * @param where e.g. {@code start io.swapline.examples.counter.shared}
     * @param error what was thrown
     * @param example a description of this occurrence (operation number, window)
     */
    synchronized void add(String where, Throwable error, String example) {
        String kind = where + " | " + shape(error);
        counts.merge(kind, 1, Integer::sum);
        firstExample.putIfAbsent(kind, example + ": " + error);
    }

    synchronized boolean isEmpty() {
        return counts.isEmpty();
    }

    /** @return one line per kind: count, kind, first example */
    synchronized String table() {
        if (counts.isEmpty()) {
            return "  none\n";
        }
        StringBuilder text = new StringBuilder();
        counts.forEach((kind, count) -> text.append("  ").append(count).append(" x ").append(kind)
                .append("\n      first: ").append(firstExample.get(kind)).append('\n'));
        return text.toString();
    }

    /** @return the exception's class and its message's first line with digits blanked */
    static String shape(Throwable error) {
        String message = error.getMessage() == null ? "" : error.getMessage();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        message = message.replaceAll("[0-9]+", "#");
        if (message.length() > 160) {
            message = message.substring(0, 160) + "…";
        }
        return error.getClass().getName() + ": " + message;
    }
}
