package io.swapline.osgi.implementations;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

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
 * <p>The property is read at each decision from a property source: the extender's
 * {@link BundleContext} (a framework launch property or a system property), with the key
 * {@code authorised} of the object's configuration {@code io.swapline.object~<object>} over it
 * when Config Admin has one ({@code io.swapline.osgi.config}).
 *
 * <p>Stateless apart from the source; any thread.
 */
public final class ImplementationAuthorisation {

    /** The framework property prefix; the object name follows it. */
    static final String PROPERTY_PREFIX = "swapline.authorised.";

    private final UnaryOperator<String> properties;

    public ImplementationAuthorisation(BundleContext context) {
        this(context::getProperty);
    }

    /** @param properties the property source: a framework property's name to its value, or null */
    public ImplementationAuthorisation(UnaryOperator<String> properties) {
        this.properties = properties;
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
        String value = properties.apply(PROPERTY_PREFIX + objectName);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
    }
}
