package io.swapline.benchmarks.update;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Packs {@code io.swapline.benchmarks.update.ds.DsCounter} and a component description into a
 * bundle: an immediate DS component providing {@code Counter}, as a plain DS bundle would be.
 * The class file is read as a resource of this jar; the class is never loaded outside the framework.
 */
final class DsCounterBundle {

    static final String SYMBOLIC_NAME = "io.swapline.benchmarks.dscounter";
    static final String COMPONENT = "ds-counter";
    private static final String CLASS = "io.swapline.benchmarks.update.ds.DsCounter";
    private static final String DESCRIPTION = "OSGI-INF/ds-counter.xml";

    private DsCounterBundle() {
    }

    static byte[] jar(String version) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", SYMBOLIC_NAME);
        main.putValue("Bundle-Version", version);
        main.putValue("Import-Package", "io.swapline.examples.counter;version=\"[1,2)\"");
        main.putValue("Service-Component", DESCRIPTION);
        main.putValue("Require-Capability",
                "osgi.extender;filter:=\"(&(osgi.extender=osgi.component)(version>=1.3)(!(version>=2.0)))\"");
        String description = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"" + COMPONENT
                + "\" immediate=\"true\">\n"
                + "  <implementation class=\"" + CLASS + "\"/>\n"
                + "  <service><provide interface=\"" + UpdateBenchmark.COUNTER + "\"/></service>\n"
                + "</scr:component>\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new JarEntry(DESCRIPTION));
            jar.write(description.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
            String entry = CLASS.replace('.', '/') + ".class";
            jar.putNextEntry(new JarEntry(entry));
            try (InputStream in = DsCounterBundle.class.getClassLoader().getResourceAsStream(entry)) {
                in.transferTo(jar);
            }
            jar.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
