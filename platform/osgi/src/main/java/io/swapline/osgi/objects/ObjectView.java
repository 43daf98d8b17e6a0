package io.swapline.osgi.objects;

import java.util.List;

import io.swapline.api.ClusteredObject;
import io.swapline.api.SwapRecord;
import io.swapline.osgi.implementations.ImplementationDeclaration;

/**
 * What the shell shows of one clustered object, taken as one snapshot under the
 * {@link PublishedObjects} lock and formatted outside it.
 *
 * @param object the live object
 * @param serving the implementation serving it, or, while it waits, the one that served it last
 * @param waiting whether calls wait for a replacement (the serving bundle stopped)
 * @param candidates the serving implementation and every one offered for the object, most preferred first
 * @param history the runtime's swap records and the extender's refusals, oldest first
 * @param state the object's lifecycle state
 * @param handOverRefusal while waiting, why the last successor that arrived was refused, or null
 */
public record ObjectView(ClusteredObject<?> object, ImplementationDeclaration serving, boolean waiting, List<Candidate> candidates,
        List<SwapRecord> history, ObjectState state, String handOverRefusal) {

    /**
     * One implementation of the object.
     *
     * @param declaration what its bundle declares
     * @param serving whether it serves the object now
     * @param active whether its bundle is ACTIVE (the serving one may be stopping or being updated)
     * @param refusal why it may not serve the object, or null if it may
     */
    public record Candidate(ImplementationDeclaration declaration, boolean serving, boolean active, String refusal) {
    }
}
