package io.swapline.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * The violations one run found, from any thread: client threads, the tester's thread and the
 * runtime's transfer threads. Keeps the first {@value #KEPT} messages (and the first exception,
 * as the cause of the eventual failure) and counts the rest.
 */
final class Findings {

    static final int KEPT = 20;

    private final List<String> messages = new ArrayList<>(); // guarded by this
    private long count; // guarded by this
    private Throwable firstCause; // guarded by this

    synchronized void add(String message) {
        add(message, null);
    }

    synchronized void add(String message, Throwable cause) {
        count++;
        if (messages.size() < KEPT) {
            messages.add(cause == null ? message : message + ": " + cause);
        }
        if (firstCause == null && cause != null) {
            firstCause = cause;
        }
    }

    /**
     * A value's text, cut to a readable length for messages.
     *
     * @param value any value
     * @return its {@code toString}, at most about 300 characters
     */
    static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " characters)";
    }

    synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    synchronized long count() {
        return count;
    }

    synchronized Throwable firstCause() {
        return firstCause;
    }
}
