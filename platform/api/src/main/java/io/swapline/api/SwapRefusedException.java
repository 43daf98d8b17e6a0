package io.swapline.api;

/**
 * A swap was refused before anything was interposed: the object is unchanged and still
 * serving. The message names the object and both implementations.
 */
public class SwapRefusedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient SwapRecord record;

    /**
     * Creates the exception.
     *
     * @param record the refusal's record
     */
    public SwapRefusedException(SwapRecord record) {
        super("swap of '" + record.objectName() + "' from " + record.from() + " to " + record.to()
                + " refused: " + record.reason());
        this.record = record;
    }

    /**
     * The refusal's record (also in the object's history).
     *
     * @return the record
     */
    public SwapRecord record() {
        return record;
    }
}
