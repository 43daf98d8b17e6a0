package io.swapline.osgi.implementations;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

import io.swapline.api.SwappableImplementation;

/**
 * Test doubles of a bundle revision that declares {@code io.swapline.implementation} capabilities
 * and of its bundle, which loads classes as {@code loader} says: only the methods the extender's
 * {@link ImplementationDeclaration} calls answer, any other fails the test.
 */
final class FakeRevision {

    static final String SYMBOLIC_NAME = "io.example.impl";
    static final String VERSION = "1.2.3";
    static final long BUNDLE_ID = 42;
    /** How the messages name the fake bundle. */
    static final String LABEL = SYMBOLIC_NAME + " " + VERSION + " [" + BUNDLE_ID + "]";

    private FakeRevision() {
    }

    /** A revision whose bundle loads classes from the test class path. */
    static BundleRevision declaring(List<Map<String, Object>> capabilities) {
        return declaring(capabilities, name -> Class.forName(name, false, FakeRevision.class.getClassLoader()));
    }

    /** A revision whose bundle loads classes through {@code loader}. */
    static BundleRevision declaring(List<Map<String, Object>> capabilities, ClassLoading loader) {
        Bundle bundle = proxy(Bundle.class, (method, args) -> switch (method) {
            case "getBundleId" -> BUNDLE_ID;
            case "getSymbolicName" -> SYMBOLIC_NAME;
            case "loadClass" -> loader.load((String) args[0]);
            default -> throw new UnsupportedOperationException("Bundle." + method);
        });
        BundleRevision[] revision = new BundleRevision[1];
        List<BundleCapability> declared = new ArrayList<>();
        for (Map<String, Object> attributes : capabilities) {
            declared.add(proxy(BundleCapability.class, (method, args) -> switch (method) {
                case "getAttributes" -> attributes;
                case "getNamespace" -> SwappableImplementation.NAMESPACE;
                case "getRevision" -> revision[0];
                default -> throw new UnsupportedOperationException("BundleCapability." + method);
            }));
        }
        revision[0] = proxy(BundleRevision.class, (method, args) -> switch (method) {
            case "getDeclaredCapabilities" -> SwappableImplementation.NAMESPACE.equals(args[0]) ? declared : List.of();
            case "getSymbolicName" -> SYMBOLIC_NAME;
            case "getVersion" -> Version.parseVersion(VERSION);
            case "getBundle" -> bundle;
            case "getWiring" -> null;
            default -> throw new UnsupportedOperationException("BundleRevision." + method);
        });
        return revision[0];
    }

    /** The declaration of one capability with these attributes. */
    static ImplementationDeclaration declaration(Map<String, Object> attributes, ClassLoading loader) {
        return ImplementationDeclaration.declaredBy(declaring(List.of(attributes), loader)).get(0);
    }

    /** How the fake bundle loads a class. */
    interface ClassLoading {
        Class<?> load(String name) throws ClassNotFoundException;
    }

    private interface Answer {
        Object answer(String method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(FakeRevision.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> switch (method.getName()) {
                    case "toString" -> type.getSimpleName() + " of " + SYMBOLIC_NAME;
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> answer.answer(method.getName(), args);
                }));
    }
}
