package io.swapline.osgi.implementations;

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
     * @throws IllegalArgumentException if a capability misses an attribute or its {@code suits} does
     *     not parse (the message names the class): none of the revision's declarations is used
     */
    public static List<ImplementationDeclaration> declaredBy(BundleRevision revision) {
        List<ImplementationDeclaration> declarations = new ArrayList<>();
        for (BundleCapability capability : revision.getDeclaredCapabilities(SwappableImplementation.NAMESPACE)) {
            Map<String, Object> attributes = capability.getAttributes();
            Object ranking = attributes.getOrDefault("ranking", 0L);
            String className = required(attributes, "class", revision);
            declarations.add(new ImplementationDeclaration(required(attributes, "object", revision),
                    required(attributes, "interface", revision), className,
                    ranking instanceof Number number ? number.longValue() : Long.parseLong(ranking.toString()),
                    suits(attributes.get("suits"), className), revision, revision.getWiring()));
        }
        return declarations;
    }

    private static Suitability suits(Object text, String className) {
        if (text == null || text.toString().isBlank()) {
            return null;
        }
        try {
            return Suitability.parse(text.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(className + " declares suits=\"" + text + "\", which is not a"
                    + " suitability: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, Object> attributes, String name, BundleRevision revision) {
        Object value = attributes.get(name);
        if (value == null) {
            throw new IllegalArgumentException(revision.getBundle() + ": an " + SwappableImplementation.NAMESPACE
                    + " capability has no '" + name + "' attribute: " + attributes);
        }
        return value.toString();
    }

    /** @return the bundle the revision belongs to */
    public Bundle bundle() {
        return revision.getBundle();
    }

    /**
     * @return a new instance of the root class, loaded through the declaring bundle
     * @throws ReflectiveOperationException if the class does not load or cannot be instantiated
     * @throws ClassCastException if the class is not a {@link Root}
     */
    public Root<?> newRoot() throws ReflectiveOperationException {
        Class<?> rootClass = bundle().loadClass(className);
        if (!Root.class.isAssignableFrom(rootClass)) {
            throw new ClassCastException(rootClass.getName() + " is not a " + Root.class.getName());
        }
        return (Root<?>) rootClass.getConstructor().newInstance();
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
}
