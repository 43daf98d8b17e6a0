package io.swapline.core.management;

/**
 * A clustered object as JConsole, VisualVM or {@code jcmd} show it: one MXBean per object,
 * named {@code io.swapline:type=ClusteredObject,name=<object name>}.
 */
public interface ClusteredObjectMXBean {

    /**
     * The object's name.
     *
     * @return the name
     */
    String getName();

    /**
     * The interface clients call.
     *
     * @return its class name
     */
    String getInterfaceName();

    /**
     * The implementation serving the object.
     *
     * @return its name
     */
    String getImplementation();

    /**
     * The serving implementation's root kind.
     *
     * @return SHARED, DISTRIBUTED or CLUSTERED
     */
    String getRootKind();

    /**
     * The slots on which the serving implementation has been reached.
     *
     * @return the count
     */
    int getSlotsInUse();

    /**
     * The swaps that completed on the object.
     *
     * @return the count
     */
    long getSwapCount();

    /**
     * The most recent swap record, or an empty string.
     *
     * @return the record as text
     */
    String getLastSwap();

    /**
     * The swap records the object keeps, oldest first.
     *
     * @return the records as text
     */
    String[] getSwapHistory();

    /**
     * Why calls failed because the implementation could not make a Rep for their slot: one line
     * per distinct cause (implementation, count, first and last time, slot, exception), at most
     * {@code 8}, as {@link io.swapline.api.ClusteredObject#repFailures()} has them.
     *
     * @return the causes as text, empty if no call failed that way
     */
    String[] getRepFailures();
}
