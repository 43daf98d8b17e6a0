package io.swapline.core.stub.isolated;

/** A checked exception only the interface's loader defines. */
public final class GreetingException extends Exception {
    private static final long serialVersionUID = 1L;

    public GreetingException(String message) {
        super(message);
    }
}
