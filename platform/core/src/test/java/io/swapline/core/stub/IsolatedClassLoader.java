package io.swapline.core.stub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A class loader that, like an API bundle's loader in OSGi, cannot see the runtime: its parent
 * is the platform loader, and it defines the classes of one package itself, from the bytes of
 * the same classes on the test class path. The copies are distinct classes from the test class
 * path's, with the same names.
 */
final class IsolatedClassLoader extends ClassLoader {

    private final String packagePrefix;

    IsolatedClassLoader(String packageName) {
        super("isolated[" + packageName + "]", ClassLoader.getPlatformClassLoader());
        this.packagePrefix = packageName + ".";
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (!name.startsWith(packagePrefix)) {
            throw new ClassNotFoundException(name);
        }
        String resource = name.replace('.', '/') + ".class";
        try (InputStream in = IsolatedClassLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
