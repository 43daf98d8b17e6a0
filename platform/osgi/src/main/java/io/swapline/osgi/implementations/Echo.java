package io.swapline.osgi.implementations;

/**
 * Text from outside, as a message of ours repeats it: on one line and cut to a readable length,
 * so that a 100,000-character shell argument or a multi-line exception message still makes a
 * one-line message. Line breaks and other control characters become {@code \n}-style escapes;
 * a longer text keeps its start and says how long it was:
 * {@code xxxxxxxx… (100000 characters)}.
 *
 * <p>The one place that cuts: the shell, the objects and the declarations' messages use it.
 * Stateless; any thread.
 */
public final class Echo {

    /** The most characters of an operator's argument a message repeats. */
    public static final int INPUT_LIMIT = 80;
    /** The most characters of another component's message (an exception's) a message of ours repeats. */
    public static final int MESSAGE_LIMIT = 240;

    private Echo() {
    }

    /**
     * @param input what an operator typed (a shell argument), or a value read from a manifest
     * @return it on one line, cut to {@link #INPUT_LIMIT} characters; {@code null} as {@code "null"}
     */
    public static String input(String input) {
        return cut(input, INPUT_LIMIT);
    }

    /**
     * @param message another component's text, e.g. an exception's message
     * @return it on one line, cut to {@link #MESSAGE_LIMIT} characters; {@code null} as {@code "null"}
     */
    public static String message(String message) {
        return cut(message, MESSAGE_LIMIT);
    }

    /**
     * @param failure an exception
     * @return its class and message on one line, e.g. {@code java.lang.IllegalStateException: no config}
     */
    public static String exception(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getName() + (message == null ? "" : ": " + message(message));
    }

    /**
     * @param text any text, or null
     * @param limit the most characters of {@code text} kept, at least 1
     * @return the text on one line, cut to {@code limit} characters of the original
     */
    public static String cut(String text, int limit) {
        if (text == null) {
            return "null";
        }
        boolean longer = text.length() > limit;
        int end = longer ? limit : text.length();
        if (longer && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // do not split a surrogate pair
        }
        StringBuilder line = new StringBuilder(end + 24);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        if (longer) {
            line.append("… (").append(text.length()).append(" characters)");
        }
        return line.toString();
    }
}
