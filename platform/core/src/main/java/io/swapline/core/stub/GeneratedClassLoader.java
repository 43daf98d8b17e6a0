package io.swapline.core.stub;

import java.util.Map;

import io.swapline.core.table.LocalTable;

/**
 * Defines one generated class. It sees exactly two worlds: the few runtime classes generated
 * code names (the stub and glue superclasses, the linkage, the local table, the mediation
 * routine) through the runtime's loader, and everything else through the
 * loader of the interface being implemented — in OSGi, the API bundle's loader, which cannot
 * see the runtime.
 *
 * <p>One loader per generated class, so that a class whose object is gone can be unloaded:
 * sharing a loader among all stubs of an interface would keep every stub class ever made
 * alive for as long as the interface's bundle lives. The loader is an ordinary class loader,
 * not a hidden class: frames of hidden classes are missing from {@code Thread.getStackTrace()}
 * on JDK 25, and the swap's stack check must see stub frames.
 */
final class GeneratedClassLoader extends ClassLoader {

    // The only runtime classes a generated class names, matched by exact name: an interface's
    // loader may define classes whose names merely start like the runtime's.
    private static final Map<String, Class<?>> RUNTIME_CLASSES = Map.of(
            StubBase.class.getName(), StubBase.class,
            StubLinkage.class.getName(), StubLinkage.class,
            LocalTable.class.getName(), LocalTable.class,
            MediatorGlueBase.class.getName(), MediatorGlueBase.class,
            CallMediator.class.getName(), CallMediator.class);

    private final ClassLoader interfaceLoader;

    GeneratedClassLoader(ClassLoader interfaceLoader) {
        super(null);
        this.interfaceLoader = interfaceLoader;
    }

    Class<?> define(String binaryName, byte[] bytes) {
        return defineClass(binaryName, bytes, 0, bytes.length);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        Class<?> runtimeClass = RUNTIME_CLASSES.get(name);
        if (runtimeClass != null) {
            return runtimeClass;
        }
        if (interfaceLoader == null) { // an interface of the JDK itself
            return super.loadClass(name, resolve);
        }
        return interfaceLoader.loadClass(name);
    }
}
