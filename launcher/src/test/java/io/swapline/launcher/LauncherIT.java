package io.swapline.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command: the packaged launcher jar starts every bundle of its folder and
 * exits 0 when the shell reaches the end of its input.
 */
class LauncherIT {

    // A row of Gogo's lb: "    3|Active     |    1|Swapline core (0.1.0.SNAPSHOT)|0.1.0.SNAPSHOT"
    private static final Pattern LB_ROW = Pattern.compile("^\\s*(\\d+)\\|(\\w+)\\s*\\|.*$");
    private static final long TIMEOUT_SECONDS = 60;

    @Test
    void everyBundleOfTheFolderIsActiveAndEndOfInputExitsZero(@TempDir Path work) throws Exception {
        Path jar = Path.of(System.getProperty("swapline.launcher.jar"));
        Path output = work.resolve("console.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.osgi.framework.storage=" + work.resolve("cache"), "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write("lb\n".getBytes(StandardCharsets.UTF_8));
        }
        boolean exited = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String console = Files.readString(output);
        assertTrue(exited, () -> "still running after " + TIMEOUT_SECONDS + " s:\n" + console);
        assertEquals(0, process.exitValue(), console);

        // The extender adds one holder bundle per live implementation revision (io.swapline.osgi),
        // resolved but never started.
        List<String> states = console.lines().filter(line -> !line.contains("Swapline holder of"))
                .map(LB_ROW::matcher).filter(Matcher::matches).map(row -> row.group(2)).toList();
        assertEquals(bundleJars(jar.resolveSibling("bundles")) + 1, states.size(), console); // + system bundle
        assertTrue(states.stream().allMatch("Active"::equals), console);
        assertTrue(console.lines().anyMatch(line -> line.contains("|Resolved")
                && line.contains("Swapline holder of io.swapline.examples.counter.shared 1.0.0")), console);
    }

    private static long bundleJars(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".jar")).count();
        }
    }
}
