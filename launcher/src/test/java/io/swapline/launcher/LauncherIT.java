package io.swapline.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher jar as the README runs it: each test starts it as a process (with a
 * cache of its own), pipes shell commands to it and reads its console; the shell stops the
 * framework at the end of its input.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES) // a test launches at most 3 times, each bounded below
class LauncherIT {

    // A row of Gogo's lb: "    3|Active     |    1|Swapline core (0.1.0.SNAPSHOT)|0.1.0.SNAPSHOT"
    private static final Pattern LB_ROW = Pattern.compile("^\\s*(\\d+)\\|(\\w+)\\s*\\|.*$");
    private static final long TIMEOUT_SECONDS = 60;
    private static final Path JAR = Path.of(System.getProperty("swapline.launcher.jar"));

    @Test
    void everyBundleOfTheFolderIsActiveAndEndOfInputExitsZero(@TempDir Path work) throws Exception {
        String console = launch(work, List.of(), List.of(), "lb\n");

        // The extender adds one holder bundle per live implementation revision (io.swapline.osgi),
        // resolved but never started.
        List<String> states = console.lines().filter(line -> !line.contains("Swapline holder of"))
                .map(LB_ROW::matcher).filter(Matcher::matches).map(row -> row.group(2)).toList();
        assertEquals(bundleJars(JAR.resolveSibling("bundles")) + 1, states.size(), console); // + system bundle
        assertTrue(states.stream().allMatch("Active"::equals), console);
        assertTrue(console.lines().anyMatch(line -> line.contains("|Resolved")
                && line.contains("Swapline holder of io.swapline.examples.counter.shared 1.0.0")), console);
    }

    @Test
    void aSwaplineSystemPropertyOverridesItsLineInFrameworkProperties(@TempDir Path work) throws Exception {
        // framework.properties enables both policies; -Dswapline.policy.counter=disabled left the counter's enabled.
        String console = launch(work, List.of("-Dswapline.policy.counter=disabled"), List.of(),
                "swapline:policy counter\nswapline:policy kv\n");

        assertTrue(console.contains("counter: autonomic policy disabled"), console);
        assertTrue(console.contains("kv: autonomic policy enabled"), console);
    }

    /**
     * Runs the launcher jar with its cache in {@code work/cache} until the end of its input and
     * asserts that it exited 0 in time.
     *
     * @return its console: standard output and standard error
     */
    private static String launch(Path work, List<String> jvmOptions, List<String> arguments, String commands)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dorg.osgi.framework.storage=" + work.resolve("cache"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(arguments);
        Path output = Files.createTempFile(work, "console-", ".txt");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(commands.getBytes(StandardCharsets.UTF_8));
        }
        boolean exited = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String console = Files.readString(output);
        assertTrue(exited, () -> "still running after " + TIMEOUT_SECONDS + " s:\n" + console);
        assertEquals(0, process.exitValue(), console);
        return console;
    }

    private static long bundleJars(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".jar")).count();
        }
    }
}
