package io.swapline.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The folder of bundle jars the launcher installs. */
final class BundleFolder {

    private BundleFolder() {
    }

    /**
     * The jars of a folder (not of its subfolders), in file-name order so that every launch
     * installs them in the same order.
     *
     * @param folder the folder
     * @return the jar files
     * @throws IOException if the folder cannot be read
     * @throws IllegalArgumentException if it is not a folder or holds no jar
     */
    static List<Path> jars(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("bundle folder " + folder + " does not exist; build the launcher"
                    + " first (mvn -B -q package -DskipTests) or name a folder of bundle jars");
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> jars = files
                    .filter(file -> Files.isRegularFile(file) && file.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList();
            if (jars.isEmpty()) {
                throw new IllegalArgumentException("bundle folder " + folder + " holds no jar");
            }
            return jars;
        }
    }
}
