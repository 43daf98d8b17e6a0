package ${package}.api;

/**
 * A counter's whole state as it moves from one implementation to the next in a swap.
 *
 * @param count the increments so far
 */
public record CountState(long count) {
}
