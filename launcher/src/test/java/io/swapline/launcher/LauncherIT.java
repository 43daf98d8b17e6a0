package io.swapline.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
    // The launcher's line per clustered object at start, and a row of swapline:list, up to the bundle.
    private static final String SERVED_BY = "clustered object 'counter' (io.swapline.examples.counter.Counter) is served by ";
    private static final String LISTED = "counter | io.swapline.examples.counter.Counter | ";
    private static final String COUNTER_API = "Swapline example: counter API";
    private static final String COUNTER_CLIENT = "Swapline example: counter client";
    private static final String KV_CLIENT = "Swapline example: key-value client";

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

    @Test
    void aRestartKeepsABundleUpdatedInTheShellAndCleanStartsFromTheFolder(@TempDir Path work) throws Exception {
        // The cache was emptied at every start: after a restart the counter was back at 1.0.0.
        long shared = firstStartId(JAR.resolveSibling("bundles"), "counter-shared-");
        String update = "update " + shared + " " + JAR.resolveSibling("demo").resolve("counter-shared-2.0.0.jar").toUri();
        List<String> noPolicy = List.of("-Dswapline.policy.counter=disabled"); // only the update swaps the counter

        String first = launch(work, noPolicy, List.of(), update + "\nswapline:list\n");
        assertTrue(first.contains(SERVED_BY + "io.swapline.examples.counter.shared 1.0.0"), first);
        assertTrue(first.contains(LISTED + "io.swapline.examples.counter.shared 2.0.0 |"), first);

        String restarted = launch(work, noPolicy, List.of(), "swapline:list\n");
        assertTrue(restarted.contains(SERVED_BY + "io.swapline.examples.counter.shared 2.0.0"), restarted);
        assertTrue(restarted.contains(LISTED + "io.swapline.examples.counter.shared 2.0.0 |"), restarted);
        assertTrue(restarted.contains("up in") && restarted.contains("from the cache " + work.resolve("cache")), restarted);

        String clean = launch(work, noPolicy, List.of("--clean"), "swapline:list\n");
        assertTrue(clean.contains(SERVED_BY + "io.swapline.examples.counter.shared 1.0.0"), clean);
        assertTrue(clean.contains(LISTED + "io.swapline.examples.counter.shared 1.0.0 |"), clean);
    }

    @Test
    void aRestartInstallsOnlyJarsNewInTheFolderAndAnUninstalledBundleStaysOut(@TempDir Path work) throws Exception {
        // Every start installed the whole folder again: a bundle uninstalled in the shell came back.
        Path folder = Files.createDirectory(work.resolve("bundles"));
        Path kvClient = null;
        for (Path jar : BundleFolder.jars(JAR.resolveSibling("bundles"))) {
            if (jar.getFileName().toString().startsWith("kv-client-")) {
                kvClient = jar;
            } else {
                Files.copy(jar, folder.resolve(jar.getFileName()));
            }
        }
        long counterClient = firstStartId(folder, "counter-client-");
        String first = launch(work, List.of(), List.of(folder.toString()), "uninstall " + counterClient + "\nlb\n");
        assertTrue(!hasRow(first, "Active", COUNTER_CLIENT) && hasRow(first, "Active", COUNTER_API), first);

        Files.copy(kvClient, folder.resolve(kvClient.getFileName()));
        Path counterApi = BundleFolder.jars(folder).get((int) firstStartId(folder, "counter-api-") - 1);
        Files.setLastModifiedTime(counterApi, FileTime.fromMillis(Files.getLastModifiedTime(counterApi).toMillis() + 60_000));
        String restarted = launch(work, List.of(), List.of(folder.toString()), "lb\n");

        assertTrue(hasRow(restarted, "Active", KV_CLIENT), restarted);
        assertTrue(restarted.lines().noneMatch(line -> line.contains("|" + COUNTER_CLIENT + " (")), restarted);
        assertTrue(restarted.contains("1 of them new in " + folder), restarted);
        assertTrue(restarted.lines().anyMatch(line -> line.contains(counterApi.getFileName() + " changed in the bundle folder")),
                restarted);
    }

    @Test
    void helpPrintsTheOptionsAndAUsageErrorIsOneLine(@TempDir Path work) throws Exception {
        // The launcher had no options: --help was a usage error.
        String help = launch(work, List.of(), List.of("--help"), "");
        for (String option : List.of("--cache <folder>", "--clean", "-Dname=value", "<bundle-folder>")) {
            assertTrue(help.contains("  " + option), help);
        }
        assertTrue(Files.notExists(work.resolve("cache")), "--help started a framework");

        Run wrong = run(work, List.of(), List.of("--cache"), "");
        assertEquals(2, wrong.exitStatus(), wrong.console());
        assertEquals(List.of("swapline-launcher: --cache needs a folder (--help lists the options)"),
                wrong.console().lines().toList());
    }

    /** A finished run of the launcher: its exit status and console (standard output and error). */
    private record Run(int exitStatus, String console) {
    }

    /**
     * Runs the launcher jar with its cache in {@code work/cache} until the end of its input and
     * asserts that it exited 0 in time.
     *
     * @return its console
     */
    private static String launch(Path work, List<String> jvmOptions, List<String> arguments, String commands)
            throws IOException, InterruptedException {
        Run run = run(work, jvmOptions, arguments, commands);
        assertEquals(0, run.exitStatus(), run.console());
        return run.console();
    }

    /** Runs the launcher jar with its cache in {@code work/cache} and asserts that it exited in time. */
    private static Run run(Path work, List<String> jvmOptions, List<String> arguments, String commands)
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
        return new Run(process.exitValue(), console);
    }

    /** The bundle id a first start gives a jar of the folder: 1 + its place in file-name order. */
    private static long firstStartId(Path folder, String jarPrefix) throws IOException {
        List<Path> jars = BundleFolder.jars(folder);
        for (int i = 0; i < jars.size(); i++) {
            if (jars.get(i).getFileName().toString().startsWith(jarPrefix)) {
                return i + 1;
            }
        }
        throw new AssertionError("no " + jarPrefix + "* jar in " + folder);
    }

    private static boolean hasRow(String console, String state, String bundleName) {
        return console.lines().map(LB_ROW::matcher).anyMatch(row -> row.matches() && row.group(2).equals(state)
                && row.group(0).contains("|" + bundleName + " ("));
    }

    private static long bundleJars(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".jar")).count();
        }
    }
}
