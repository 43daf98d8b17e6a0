package io.swapline.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One cause for which calls on a clustered object failed because its implementation could not
 * make the Rep for the caller's slot: {@link Root#newRep(int)} threw (or made a Rep of the wrong
 * type) when a call missed on a slot, so that call got the exception, and so does every later
 * call on a slot that Rep serves, until it succeeds. {@link Root#newRep(int)} says why this
 * should not happen and what to do when it does.
 *
 * <p>A cause is one implementation instance (each swap brings a new one, even of the same class
 * and name), one exception class and one throw site (the exception's first stack frame), so that
 * repeats of one fault are one cause even when their messages differ (an id, a time, an attempt
 * number). The runtime logs the first failure of each cause once, at WARNING, and counts the
 * others here. {@link #exception()} describes the first one.
 *
 * @param implementationName the implementation that failed (see {@link Root#implementationName()})
 * @param exception the first failure's exception as {@link Throwable#toString()} gives it: its
 *     class and message
 * @param thrownAt where it was thrown (its first stack frame), or {@code ""} if it had no stack
 *     trace
 * @param repIndex the index of the Rep that could not be made at the first failure, or -1 if the
 *     root's kind does not say
 * @param slot the slot of the first failure
 * @param count how many calls failed for this cause, at least 1
 * @param firstAt when the first of them failed
 * @param lastAt when the last of them failed
 */
public record RepFailure(String implementationName, String exception, String thrownAt, int repIndex, int slot,
        long count, Instant firstAt, Instant lastAt) {

    /**
     * Validates the record.
     *
     * @param implementationName the implementation
     * @param exception the first exception's description
     * @param thrownAt its throw site, or {@code ""}
     * @param repIndex the Rep index, or -1
     * @param slot the first failure's slot
     * @param count the failed calls, at least 1
     * @param firstAt the first failure's time
     * @param lastAt the last failure's time
     */
    public RepFailure {
        Objects.requireNonNull(implementationName, "implementationName");
        Objects.requireNonNull(exception, "exception");
        Objects.requireNonNull(thrownAt, "thrownAt");
        Objects.requireNonNull(firstAt, "firstAt");
        Objects.requireNonNull(lastAt, "lastAt");
        if (count < 1) {
            throw new IllegalArgumentException("a cause counts at least one failed call, not " + count);
        }
    }

    @Override
    public String toString() {
        return implementationName + ": " + count + " call(s) failed, first " + firstAt + ", last " + lastAt
                + (repIndex < 0 ? "" : ", Rep " + repIndex) + " (slot " + slot + "): " + exception
                + (thrownAt.isEmpty() ? "" : " at " + thrownAt);
    }
}
