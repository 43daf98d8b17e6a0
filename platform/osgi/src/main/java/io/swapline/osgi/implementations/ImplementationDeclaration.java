package io.swapline.osgi.implementations;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;

import io.swapline.api.Root;
import io.swapline.api.SwappableImplementation;
import io.swapline.api.autonomic.Suitability;

/**
 * One {@code io.swapline.implementation} capability of one bundle revision, as bnd wrote it from
 * a {@link SwappableImplementation} annotation.
 *
 * @param objectName the clustered object's name
 * @param interfaceName the object's interface
 * @param className the root class to instantiate
 * @param ranking preference among implementations of the object (0 when the header has none)
 * @param suits the workloads it suits ({@code suits} attribute), or null: never chosen by an autonomic policy
 * @param revision the revision that declares it: the class is loaded from exactly this revision
 * @param wiring the revision's wiring when the declaration was read: its class loader loads the
 *     implementation. A refresh re-resolves the same revision object with a new wiring (Felix
 *     7.0.5), so the wiring, not the revision, says whether two declarations load the same classes.
 */
public record ImplementationDeclaration(String objectName, String interfaceName, String className, long ranking,
        Suitability suits, BundleRevision revision, BundleWiring wiring) {

    /**
     * The implementations a revision declares in its manifest (its own declared capabilities,
     * not those of any other revision of the bundle).
     *
     * @param revision a bundle revision
     * @return the declarations, in manifest order; empty for most bundles
     * @throws IllegalArgumentException if a capability misses an attribute, its {@code ranking} is not
     *     an integer or its {@code suits} does not parse: none of the revision's declarations is used.
     *     The message is one line naming the bundle, the class, the attribute and the reason.
     */
    public static List<ImplementationDeclaration> declaredBy(BundleRevision revision) {
        List<ImplementationDeclaration> declarations = new ArrayList<>();
        for (BundleCapability capability : revision.getDeclaredCapabilities(SwappableImplementation.NAMESPACE)) {
            Map<String, Object> attributes = capability.getAttributes();
            String className = required(attributes, "class", revision, null);
            declarations.add(new ImplementationDeclaration(required(attributes, "object", revision, className),
                    required(attributes, "interface", revision, className), className,
                    ranking(attributes.getOrDefault("ranking", 0L), revision, className),
                    suits(attributes.get("suits"), revision, className), revision, revision.getWiring()));
        }
        return declarations;
    }

    private static long ranking(Object ranking, BundleRevision revision, String className) {
        if (ranking instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(ranking.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(declarer(revision, className) + " has ranking=\""
                    + Echo.input(ranking.toString()) + "\", which is not an integer (a Long: write ranking:Long=<n>,"
                    + " as @SwappableImplementation(ranking = <n>) does)", e);
        }
    }

    private static Suitability suits(Object text, BundleRevision revision, String className) {
        if (text == null || text.toString().isBlank()) {
            return null;
        }
        try {
            return Suitability.parse(text.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(declarer(revision, className) + " has suits=\""
                    + Echo.message(text.toString()) + "\", which is not a suitability: " + Echo.message(e.getMessage()),
                    e);
        }
    }

    private static String required(Map<String, Object> attributes, String name, BundleRevision revision,
            String className) {
        Object value = attributes.get(name);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException(declarer(revision, className) + " has no '" + name
                    + "' attribute (@SwappableImplementation writes class, object and interface)");
        }
        return value.toString();
    }

    /** @return e.g. {@code the io.swapline.implementation capability of io.x 1.0.0 [12] for io.x.Impl} */
    private static String declarer(BundleRevision revision, String className) {
        return "the " + SwappableImplementation.NAMESPACE + " capability of " + label(revision)
                + (className == null ? "" : " for " + Echo.input(className));
    }

    private static String label(BundleRevision revision) {
        return revision.getSymbolicName() + " " + revision.getVersion() + " [" + revision.getBundle().getBundleId()
                + "]";
    }

    /** @return the bundle the revision belongs to */
    public Bundle bundle() {
        return revision.getBundle();
    }

    /**
     * Loads the object's interface as the declaring bundle sees it.
     *
     * @return the interface the {@code interface} attribute names
     * @throws RootUnavailableException if the bundle does not see it or it is not an interface
     */
    public Class<?> loadInterface() throws RootUnavailableException {
        Class<?> type;
        try {
            type = bundle().loadClass(interfaceName);
        } catch (ClassNotFoundException | IllegalStateException e) { // IllegalStateException: uninstalled
            throw new RootUnavailableException(this, "its bundle does not see the interface " + interfaceName
                    + " that its interface attribute names: " + Echo.exception(e), e);
        } catch (LinkageError e) {
            throw new RootUnavailableException(this, "the interface " + interfaceName + " does not link: "
                    + Echo.exception(e), e);
        }
        if (!type.isInterface() || type.isAnnotation()) {
            throw new RootUnavailableException(this, "its interface attribute (@SwappableImplementation type) names "
                    + interfaceName + ", which is " + (type.isAnnotation() ? "an annotation" : "a class")
                    + ", not an interface", null);
        }
        return type;
    }

    /**
     * A new instance of the root class, loaded through the declaring bundle, checked to serve
     * {@code clientsInterface}.
     *
     * @param clientsInterface the interface the object's clients use, from {@link #loadInterface()}
     *     when the object is made from this implementation
     * @return the root, not attached
     * @throws RootUnavailableException if the interface is not the clients', or the class does not
     *     load, is not a {@link Root}, has no public no-argument constructor, or its constructor
     *     threw: the message says which, in one line
     */
    public Root<?> newRoot(Class<?> clientsInterface) throws RootUnavailableException {
        Class<?> type = loadInterface();
        if (type != clientsInterface) {
            throw new RootUnavailableException(this, "it sees another " + interfaceName + " (from "
                    + ClassOrigin.of(type) + ") than the one clients use (from " + ClassOrigin.of(clientsInterface)
                    + ")", null);
        }
        Class<?> rootClass;
        try {
            rootClass = bundle().loadClass(className);
        } catch (ClassNotFoundException | IllegalStateException e) {
            throw new RootUnavailableException(this, "the class is not found: " + Echo.exception(e), e);
        } catch (LinkageError e) {
            throw new RootUnavailableException(this, "the class does not link: " + Echo.exception(e), e);
        }
        if (!Root.class.isAssignableFrom(rootClass)) {
            throw new RootUnavailableException(this, className + " is not a " + Root.class.getName()
                    + " (extend SharedRoot, DistributedRoot or ClusteredRoot)", null);
        }
        try {
            return (Root<?>) rootClass.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new RootUnavailableException(this, "it has no public no-argument constructor", e);
        } catch (InstantiationException e) {
            throw new RootUnavailableException(this, "it is abstract", e);
        } catch (IllegalAccessException e) {
            throw new RootUnavailableException(this, "the class is not public", e);
        } catch (InvocationTargetException e) {
            throw new RootUnavailableException(this, "its constructor threw " + Echo.exception(causeOf(e)),
                    causeOf(e));
        } catch (ExceptionInInitializerError e) {
            throw new RootUnavailableException(this, "its static initialiser threw "
                    + Echo.exception(causeOf(e)), causeOf(e));
        } catch (LinkageError e) {
            throw new RootUnavailableException(this, "it does not link: " + Echo.exception(e), e);
        }
    }

    private static Throwable causeOf(Throwable wrapper) {
        return wrapper.getCause() != null ? wrapper.getCause() : wrapper;
    }

    /**
     * @return whether the declaring bundle is INSTALLED, RESOLVED or UNINSTALLED: neither active nor
     *     starting or stopping
     */
    public boolean isBundleStopped() {
        return (bundle().getState() & (Bundle.INSTALLED | Bundle.RESOLVED | Bundle.UNINSTALLED)) != 0;
    }

    /** @return the declaring bundle's id, the same for every revision of the bundle */
    public long bundleId() {
        return revision.getBundle().getBundleId();
    }

    /** @return whether {@code other} declares the same root class in the same bundle (any revision) */
    public boolean sameBundleAndClass(ImplementationDeclaration other) {
        return bundleId() == other.bundleId() && className.equals(other.className);
    }

    /** @return e.g. {@code [5] io.swapline.examples.counter.shared 1.0.0 io.swapline...SharedCounter ranking 0} */
    public String describe() {
        return "[" + bundleId() + "] " + bundleLabel() + " " + className + " ranking " + ranking;
    }

    /** @return the declaring bundle's symbolic name */
    public String symbolicName() {
        return revision.getSymbolicName();
    }

    /** @return the declaring revision's version */
    public Version version() {
        return revision.getVersion();
    }

    /** @return e.g. {@code io.swapline.examples.counter.shared 1.0.0} */
    public String bundleLabel() {
        return symbolicName() + " " + version();
    }

    /** @return e.g. {@code io.swapline.examples.counter.shared 1.0.0 [5]} */
    public String bundleLabelWithId() {
        return label(revision);
    }
}
