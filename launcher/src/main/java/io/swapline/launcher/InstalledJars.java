package io.swapline.launcher;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.osgi.framework.BundleContext;

/**
 * The jars of the bundle folder that the launcher installed into this framework cache, by file
 * name with the last-modified time they had then. Kept in the system bundle's data area, so it
 * lives and dies with the cache ({@code --clean} empties both). An empty record means a first
 * start: every jar of the folder is new.
 */
final class InstalledJars {

    private static final String FILE = "swapline-launcher-installed-jars.properties";

    private final File file;
    private final Properties installed = new Properties();

    private InstalledJars(File file) {
        this.file = file;
    }

    /**
     * Reads the record of a framework's cache.
     *
     * @param system the system bundle's context of the initialised framework
     * @return the record, empty when the cache is new
     * @throws IOException if the record exists but cannot be read
     */
    static InstalledJars of(BundleContext system) throws IOException {
        File file = system.getDataFile(FILE);
        if (file == null) {
            throw new IOException("the framework has no data area for the system bundle");
        }
        InstalledJars record = new InstalledJars(file);
        if (file.isFile()) {
            try (InputStream in = Files.newInputStream(file.toPath())) {
                record.installed.load(in);
            }
        }
        return record;
    }

    /** @return true when no jar was installed into this cache yet: a first start */
    boolean isEmpty() {
        return installed.isEmpty();
    }

    /**
     * @param jars the jars of the bundle folder
     * @return those never installed into this cache, in the given order
     */
    List<Path> notInstalled(List<Path> jars) {
        return jars.stream().filter(jar -> !installed.containsKey(name(jar))).toList();
    }

    /**
     * @param jars the jars of the bundle folder
     * @return the file names of those installed before whose file has changed since
     * @throws IOException if a jar's time cannot be read
     */
    List<String> changedSinceInstalled(List<Path> jars) throws IOException {
        List<String> changed = new ArrayList<>();
        for (Path jar : jars) {
            String recorded = installed.getProperty(name(jar));
            if (recorded != null && !recorded.equals(lastModified(jar))) {
                changed.add(name(jar));
            }
        }
        return changed;
    }

    /**
     * Records a jar as installed; {@link #save} writes the record.
     *
     * @param jar a jar just installed
     * @throws IOException if its time cannot be read
     */
    void add(Path jar) throws IOException {
        installed.setProperty(name(jar), lastModified(jar));
    }

    /**
     * Writes the record into the cache.
     *
     * @throws IOException if it cannot be written
     */
    void save() throws IOException {
        Files.createDirectories(file.toPath().getParent());
        try (OutputStream out = Files.newOutputStream(file.toPath())) {
            installed.store(out, "Jars of the bundle folder the Swapline launcher installed into this cache");
        }
    }

    private static String name(Path jar) {
        return jar.getFileName().toString();
    }

    private static String lastModified(Path jar) throws IOException {
        return Long.toString(Files.getLastModifiedTime(jar).toMillis());
    }
}
