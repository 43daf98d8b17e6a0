package io.swapline.api;

/**
 * A call on a clustered object waited longer than its deadline: for a swap to end, or for an
 * implementation to arrive. The message names the object.
 */
public class SwapTimeoutException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what waited, for what, and how long
     */
    public SwapTimeoutException(String message) {
        super(message);
    }
}
