package io.swapline.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Builds small bundles at run time from classes of the test class path: no bnd, no extra
 * dependency. A bundle has exactly the given classes: an {@linkplain #exporting exporting} one
 * exports their package and imports nothing, so its class loader sees only itself and the JDK;
 * an {@linkplain #implementation implementation} one imports what a contributed root needs.
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
        Manifest manifest = manifest(symbolicName, version);
        manifest.getMainAttributes().putValue("Export-Package",
                classes[0].getPackageName() + ";version=\"" + version + "\"");
        return jar(symbolicName, manifest, classes);
    }

    /**
     * A bundle that contributes {@code classes[0]}, a root, as an implementation of {@code objectName}, as a
     * bundle built with {@code @SwappableImplementation} would: it imports the Swapline API and
     * the interface's package and declares the {@code io.swapline.implementation} capability.
     *
     * @param symbolicName the bundle's symbolic name
     * @param version the bundle's version
     * @param objectName the clustered object's name
     * @param type the object's interface
     * @param ranking the implementation's ranking
     * @param classes the root class first, then the other classes it needs, all top-level in one package
     * @return the bundle's jar bytes
     */
    public static byte[] implementation(String symbolicName, String version, String objectName, Class<?> type,
            int ranking, Class<?>... classes) {
        return implementation(symbolicName, version, objectName, type, ranking, null, classes);
    }

    /**
     * As {@link #implementation(String, String, String, Class, int, Class...)}, with a {@code suits}
     * attribute as {@code @SwappableImplementation(suits = …)} writes it.
     *
     * @param symbolicName the bundle's symbolic name
     * @param version the bundle's version
     * @param objectName the clustered object's name
     * @param type the object's interface
     * @param ranking the implementation's ranking
     * @param suits the attribute's text, or null for none
     * @param classes the root class first, then the other classes it needs, all top-level in one package
     * @return the bundle's jar bytes
     */
    public static byte[] implementation(String symbolicName, String version, String objectName, Class<?> type,
            int ranking, String suits, Class<?>... classes) {
        return implementationImporting(symbolicName, version, objectName, type, ranking, suits, "", classes);
    }

    /**
     * As {@link #implementation(String, String, String, Class, int, String, Class...)}, importing
     * more packages, e.g. a package of a bundle built with {@link #exporting} that the test shares
     * with the implementation.
     *
     * @param symbolicName the bundle's symbolic name
     * @param version the bundle's version
     * @param objectName the clustered object's name
     * @param type the object's interface
     * @param ranking the implementation's ranking
     * @param suits the attribute's text, or null for none
     * @param imports more Import-Package clauses, comma-separated, or empty
     * @param classes the root class first, then the other classes it needs, all top-level in one package
     * @return the bundle's jar bytes
     */
    public static byte[] implementationImporting(String symbolicName, String version, String objectName, Class<?> type,
            int ranking, String suits, String imports, Class<?>... classes) {
        Manifest manifest = manifest(symbolicName, version);
        Attributes main = manifest.getMainAttributes();
        main.putValue("Import-Package", "io.swapline.api;version=\"[0.1,1)\"," + type.getPackageName()
                + (imports.isEmpty() ? "" : "," + imports));
        main.putValue("Provide-Capability", "io.swapline.implementation;class=\"" + classes[0].getName()
                + "\";object=\"" + objectName + "\";interface=\"" + type.getName() + "\";ranking:Long=" + ranking
                + (suits == null ? "" : ";suits=\"" + suits + "\""));
        return jar(symbolicName, manifest, classes);
    }

    /**
     * A bundle with exactly {@code classes} (top-level classes of any packages, copied from the
     * test class path) and these manifest headers besides its name and version: for bundles the
     * other builders cannot make, such as one that carries its own copy of an interface.
     *
     * @param symbolicName the bundle's symbolic name
     * @param version the bundle's version
     * @param headers e.g. {@code Import-Package} and {@code Provide-Capability}
     * @param classes the classes
     * @return the bundle's jar bytes
     */
    public static byte[] bundle(String symbolicName, String version, Map<String, String> headers, Class<?>... classes) {
        Manifest manifest = manifest(symbolicName, version);
        headers.forEach(manifest.getMainAttributes()::putValue);
        return jar(symbolicName, manifest, false, classes);
    }

    private static Manifest manifest(String symbolicName, String version) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        return manifest;
    }

    private static byte[] jar(String symbolicName, Manifest manifest, Class<?>... classes) {
        return jar(symbolicName, manifest, true, classes);
    }

    private static byte[] jar(String symbolicName, Manifest manifest, boolean onePackage, Class<?>... classes) {
        String pkg = classes[0].getPackageName();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Class<?> type : classes) {
                if ((onePackage && !type.getPackageName().equals(pkg)) || type.getDeclaringClass() != null) {
                    throw new IllegalArgumentException(type + " is not a top-level class" + (onePackage ? " of " + pkg : ""));
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
