package io.swapline.osgi.implementations;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;

/**
 * Where a class comes from, in words an operator can act on: {@code bundle io.x.api 1.0.0 [12]},
 * {@code the system bundle}, {@code the JDK (boot class loader)}, {@code the JDK (platform class loader)} or
 * {@code the class path (class loader app, not a bundle)}, rather than a class loader's
 * {@code toString} or {@code null}. For messages that say two classes of one name differ.
 * Stateless; any thread.
 */
public final class ClassOrigin {

    private ClassOrigin() {
    }

    /**
     * @param type a class
     * @return where it was loaded from, e.g. {@code bundle io.swapline.examples.counter.api 1.0.0 [3]}
     */
    public static String of(Class<?> type) {
        Bundle bundle = FrameworkUtil.getBundle(type);
        if (bundle != null) {
            return bundle.getBundleId() == Constants.SYSTEM_BUNDLE_ID ? "the system bundle"
                    : "bundle " + bundle.getSymbolicName() + " " + bundle.getVersion() + " [" + bundle.getBundleId()
                            + "]";
        }
        ClassLoader loader = type.getClassLoader();
        if (loader == null) {
            return "the JDK (boot class loader)";
        }
        if (loader == ClassLoader.getPlatformClassLoader()) {
            return "the JDK (platform class loader)";
        }
        String name = loader.getName() != null ? loader.getName() : loader.getClass().getName();
        return "the class path (class loader " + name + ", not a bundle)";
    }
}
