package io.swapline.core.stub;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;

import io.swapline.core.table.LocalTable;

/**
 * Defines one generated class. It sees exactly two worlds: the few runtime classes generated
 * code names (the stub and glue superclasses, the linkage, the local table, the mediation
 * routine) through the runtime's loader, and everything else through the
 * loader of the interface being implemented — in OSGi, the API bundle's loader, which cannot
 * see the runtime.
 *
 * <h2>Batches</h2>
 * A loader defines a batch of at most {@link #BATCH} classes for one interface loader, and is
 * cached per interface loader, held weakly on both sides, while its batch fills. Not one loader
 * for all classes: that would keep every stub class ever made alive for as long as the
 * interface's bundle lives. Not one loader per class: every loader a generated class calls the
 * runtime from joins HotSpot's loader constraints for the types in those calls (for example
 * {@code MethodHandle}), which HotSpot searches linearly, so creating objects got slower the
 * more were alive (100,000 objects took 15 s; with batches the search stays short). A batch
 * is unloaded when none of its classes is in use any more.
 *
 * <p>The loader is an ordinary class loader, not a hidden class: frames of hidden classes are
 * missing from {@code Thread.getStackTrace()} on JDK 25, and the swap's stack check must see
 * stub frames.
 */
final class GeneratedClassLoader extends ClassLoader {

    /** The most classes one loader defines. */
    static final int BATCH = 256;

    // Guarded by the class: the batch being filled for each interface loader.
    private static final Map<ClassLoader, WeakReference<GeneratedClassLoader>> FILLING = new WeakHashMap<>();
    private static WeakReference<GeneratedClassLoader> fillingForJdk = new WeakReference<>(null);

    // The only runtime classes a generated class names, matched by exact name: an interface's
    // loader may define classes whose names merely start like the runtime's.
    private static final Map<String, Class<?>> RUNTIME_CLASSES = Map.of(
            StubBase.class.getName(), StubBase.class,
            StubLinkage.class.getName(), StubLinkage.class,
            LocalTable.class.getName(), LocalTable.class,
            MediatorGlueBase.class.getName(), MediatorGlueBase.class,
            CallMediator.class.getName(), CallMediator.class);

    private final ClassLoader interfaceLoader;
    private int defined; // guarded by the class

    private GeneratedClassLoader(ClassLoader interfaceLoader) {
        super(null);
        this.interfaceLoader = interfaceLoader;
    }

    /**
     * Defines a generated class that implements an interface of {@code interfaceLoader}.
     *
     * @param interfaceLoader the interface's loader, null for the JDK's own
     * @param binaryName the class's name
     * @param bytes the class file
     * @return the class
     */
    static synchronized Class<?> define(ClassLoader interfaceLoader, String binaryName, byte[] bytes) {
        WeakReference<GeneratedClassLoader> cached = interfaceLoader == null ? fillingForJdk : FILLING.get(interfaceLoader);
        GeneratedClassLoader loader = cached == null ? null : cached.get();
        if (loader == null || loader.defined == BATCH) {
            loader = new GeneratedClassLoader(interfaceLoader);
            if (interfaceLoader == null) {
                fillingForJdk = new WeakReference<>(loader);
            } else {
                FILLING.put(interfaceLoader, new WeakReference<>(loader));
            }
        }
        loader.defined++;
        return loader.defineClass(binaryName, bytes, 0, bytes.length);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        Class<?> runtimeClass = RUNTIME_CLASSES.get(name);
        if (runtimeClass != null) {
            return runtimeClass;
        }
        Class<?> generated = findLoadedClass(name);
        if (generated != null) {
            return generated;
        }
        if (interfaceLoader == null) { // an interface of the JDK itself
            return super.loadClass(name, resolve);
        }
        return interfaceLoader.loadClass(name);
    }
}
