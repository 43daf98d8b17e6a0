package io.swapline.osgi.implementations;

/**
 * An implementation's root cannot be made for its object: its class does not load, is not a
 * {@link io.swapline.api.Root}, has no public no-argument constructor or its constructor threw,
 * or the interface the bundle declares is not an interface or not the one clients use. The
 * message is one line naming the bundle, the class and the reason, ready to log or record as it
 * is; the cause, if any, is what failed.
 */
public final class RootUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    RootUnavailableException(ImplementationDeclaration implementation, String reason, Throwable cause) {
        super(implementation.bundleLabelWithId() + " cannot make the root " + implementation.className() + " of '"
                + implementation.objectName() + "': " + reason, cause);
    }
}
