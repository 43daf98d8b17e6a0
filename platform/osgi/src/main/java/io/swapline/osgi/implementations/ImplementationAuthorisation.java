package io.swapline.osgi.implementations;

import java.util.Arrays;
import java.util.List;

import org.osgi.framework.BundleContext;

/**
 * Decides which bundles may become the implementation of an object.
 *
 * <p>The rule: a bundle may replace an object's current implementation when it has the same
 * symbolic name (a new version of the same bundle), or when its symbolic name is listed in the
 * framework property {@code swapline.authorised.<object>} (comma-separated symbolic names,
 * e.g. {@code -Dswapline.authorised.counter=com.example.fast.counter}). The first
 * implementation of an object name defines the object and is always allowed.
 *
 * <p>The property is read through the extender's {@link BundleContext}, so it may be a framework
 * launch property or a system property. Config Admin is not consulted: the extender needs no
 * configuration bundle, and the list changes as rarely as the framework's properties.
 *
 * <p>Stateless apart from the context; any thread.
 */
public final class ImplementationAuthorisation {

    /** The framework property prefix; the object name follows it. */
    static final String PROPERTY_PREFIX = "swapline.authorised.";

    private final BundleContext context;

    public ImplementationAuthorisation(BundleContext context) {
        this.context = context;
    }

    /**
     * Why {@code candidate} may not become the implementation of its object, if it may not.
     *
     * @param candidate the implementation that would serve the object
     * @param currentSymbolicName the symbolic name of the bundle whose implementation serves (or
     *     last served) the object
     * @return null if allowed, else the reason, one line
     */
    public String refusal(ImplementationDeclaration candidate, String currentSymbolicName) {
        if (candidate.symbolicName().equals(currentSymbolicName)) {
            return null;
        }
        List<String> configured = configured(candidate.objectName());
        if (configured.contains(candidate.symbolicName())) {
            return null;
        }
        return candidate.symbolicName() + " is not authorised for '" + candidate.objectName() + "': it is not "
                + currentSymbolicName + " (the current implementation's bundle) and not in " + PROPERTY_PREFIX
                + candidate.objectName() + (configured.isEmpty() ? " (not set)" : "=" + String.join(",", configured));
    }

    private List<String> configured(String objectName) {
        String value = context.getProperty(PROPERTY_PREFIX + objectName);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
    }
}
