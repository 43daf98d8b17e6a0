package io.swapline.osgi.objects;

import java.util.List;

import io.swapline.api.ClusteredObject;
import io.swapline.api.SwapRecord;
import io.swapline.osgi.implementations.ImplementationDeclaration;
import io.swapline.osgi.implementations.ImplementationProtocols;

/**
 * What the shell shows of one clustered object, taken as one snapshot under the
 * {@link PublishedObjects} lock and formatted outside it.
 *
 * @param object the live object
 * @param serving the implementation serving it, or, while it waits, the one that served it last
 * @param waiting whether calls wait for a replacement (the serving bundle stopped)
 * @param servingProtocols the protocols the root serving the object now exports and imports, as
 *     {@link ImplementationProtocols#describe} gives them, read from that live root; null while waiting
 * @param candidates the serving implementation and every one offered for the object, most preferred first
 * @param history the runtime's swap records and the extender's refusals, oldest first
 */
public record ObjectView(ClusteredObject<?> object, ImplementationDeclaration serving, boolean waiting,
        String servingProtocols, List<Candidate> candidates,
        List<SwapRecord> history) {

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
