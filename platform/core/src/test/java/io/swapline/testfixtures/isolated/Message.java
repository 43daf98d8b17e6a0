package io.swapline.testfixtures.isolated;

/** A type only the interface's loader defines, named in the interface's signatures. */
public final class Message {
    private final String text;

    public Message(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
