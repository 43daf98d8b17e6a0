package io.swapline.core.stub;

/**
 * The common mediation routine every method of a Mediator glue class goes through:
 *
 * <pre>{@code
 * int token = mediator.enter();                  // may count, forward or block the call
 * try { result = ((T) mediator.target(token)).m(args); }
 * catch (Throwable t) { mediator.exit(token); throw t; }
 * mediator.exit(token);
 * return result;
 * }</pre>
 *
 * Arguments, return values and exceptions pass through untouched. Public only because glue
 * classes live in their own class loaders; implemented by the swap's Mediator.
 */
public interface CallMediator {

    /**
     * Admits a call: counts and forwards it, blocks it until the swap ends, or routes it.
     *
     * @return a token for {@link #target(int)} and {@link #exit(int)}
     */
    int enter();

    /**
     * The Rep that runs the admitted call.
     *
     * @param token what {@link #enter()} returned
     * @return the Rep, an instance of the interface
     */
    Object target(int token);

    /**
     * Ends an admitted call, normally or exceptionally. Never throws.
     *
     * @param token what {@link #enter()} returned
     */
    void exit(int token);
}
