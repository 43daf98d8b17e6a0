package io.swapline.osgi.policy;

import io.swapline.osgi.implementations.ImplementationAuthorisation;
import io.swapline.osgi.implementations.ImplementationDeclaration;

/**
 * An implementation an object's autonomic policy may choose: offered by an ACTIVE bundle for the
 * object, with a {@code suits} declaration; one per root class (the most preferred bundle's).
 *
 * @param declaration what its bundle declares; {@link ImplementationDeclaration#suits()} is not null
 * @param refusal why it may not serve the object now ({@link ImplementationAuthorisation}), or null
 */
public record PolicyCandidate(ImplementationDeclaration declaration, String refusal) {

    /** @return the root class, which is also its roots' implementation name */
    public String className() {
        return declaration.className();
    }
}
