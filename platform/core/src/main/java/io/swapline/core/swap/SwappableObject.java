package io.swapline.core.swap;

import io.swapline.api.Root;
import io.swapline.core.table.LocalTable;

/** What a swap needs of the object it swaps. Implemented by the runtime's object record. */
public interface SwappableObject {

    /**
     * The object's local table (and through it its global entry).
     *
     * @return the table
     */
    LocalTable table();

    /**
     * The implementation serving the object when no swap is in progress.
     *
     * @return the root
     */
    Root<?> currentRoot();

    /**
     * Records the new implementation; called by the swap under the entry's write lock when it
     * completes.
     *
     * @param root the new root
     */
    void installRoot(Root<?> root);

    /**
     * The binary name of the object's stub class, which names the object in stack traces.
     *
     * @return the class name
     */
    String stubClassName();
}
