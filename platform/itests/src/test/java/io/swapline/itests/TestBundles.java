package io.swapline.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Builds small bundles at run time from classes of the test class path: no bnd, no extra
 * dependency. The bundle has exactly the given classes, exports their package and imports
 * nothing, so its class loader sees only itself and the JDK.
 */
public final class TestBundles {

    private TestBundles() {
    }

    /**
     * A bundle that contains {@code classes} (all of one package) and exports that package.
     *
     * @param symbolicName the bundle's symbolic name
     * @param version the bundle's and the package's version
     * @param classes the classes, each a top-level class of the same package
     * @return the bundle's jar bytes
     */
    public static byte[] exporting(String symbolicName, String version, Class<?>... classes) {
        String pkg = classes[0].getPackageName();
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        main.putValue("Export-Package", pkg + ";version=\"" + version + "\"");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Class<?> type : classes) {
                if (!type.getPackageName().equals(pkg) || type.getDeclaringClass() != null) {
                    throw new IllegalArgumentException(type + " is not a top-level class of " + pkg);
                }
                String entry = type.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(entry));
                try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(jar);
                }
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build bundle " + symbolicName, e);
        }
        return bytes.toByteArray();
    }
}
