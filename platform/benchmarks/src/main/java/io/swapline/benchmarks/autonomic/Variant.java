package io.swapline.benchmarks.autonomic;

/** Who chooses the implementation in one configuration of a scenario. */
enum Variant {
    /** The scenario's first implementation, for the whole run. */
    FIXED_FIRST,
    /** The scenario's second implementation, for the whole run. */
    FIXED_SECOND,
    /** The autonomic policy, in a JVM that has not swapped before: its first swap is cold. */
    POLICY,
    /**
     * The autonomic policy, after one swap each way of a throwaway object of the same interface
     * at start-up, as a platform could do when it starts: the swap code is loaded and initialised.
     */
    POLICY_WARM_SWAP_PATH;

    boolean hasPolicy() {
        return this == POLICY || this == POLICY_WARM_SWAP_PATH;
    }
}
