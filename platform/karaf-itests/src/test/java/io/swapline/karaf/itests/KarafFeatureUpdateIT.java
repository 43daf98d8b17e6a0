package io.swapline.karaf.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The operator's path on a real Karaf 4.4 distribution: {@code feature:repo-add} of Swapline's
 * features repository, {@code feature:install swapline} and {@code swapline-examples}, then
 * {@code bundle:update} of the shared counter to 2.0 while the example client calls it from 3
 * threads: a live swap (no failed call, the exact count, the client activated once, 2.0 serving).
 * Then the features service's next deployment (a {@code feature:install} of an installed feature)
 * puts the feature's own version 1.0 back, which docs/operations.md ("Karaf") tells operators;
 * the extender keeps the state through that uninstall and install too. Last, {@code bundle:update -r}
 * (update, then Karaf's refresh of all pending removals) ends on 2.0 with no failed call either.
 * The client's threads run throughout; its final report, taken after they stop, must show no
 * failure and a count equal to its acknowledged calls (a lost increment makes it smaller).
 *
 * <p>A scripted boot of the distribution (its own {@code bin/karaf}, the shell over SSH as
 * {@code bin/client} uses it) rather than Pax Exam's Karaf container: nothing of the test is
 * installed into Karaf (no probe bundle, no Exam features that take part in resolution and
 * refresh, which is what is checked here), and the JDK 17 launch is Karaf's own script.
 *
 * <p>Every step is bounded (each shell command, each wait, the whole test); Karaf is stopped, or
 * destroyed, whatever happens.
 */
class KarafFeatureUpdateIT {

    private static final String SHARED = "io.swapline.examples.counter.shared";
    private static final String STRIPED = "io.swapline.examples.kv.striped";
    private static final long CALLS = 2_000;
    private static final Duration COMMAND = Duration.ofSeconds(60);
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The calling client stops its threads and reports: after this, count = calls exactly. */
    private static final String STOP_CLIENT = "echo (($.context getService ($.context getServiceReference "
            + "io.swapline.examples.counter.client.CounterLoad)) stop)";
    private static final Pattern SWAP_RECORD = Pattern.compile(
            "SharedCounter -> \\S*SharedCounter \\[COMPLETE\\].*forwarded=(\\d+) blocked=(\\d+)");

    private final long began = System.nanoTime();

    @Test
    @Timeout(value = 280, unit = TimeUnit.SECONDS)
    void bundleUpdateOfAFeatureBundleUnderLoadIsALiveSwap() throws Exception {
        String version = System.getProperty("swapline.version");
        Path v2 = Path.of(System.getProperty("swapline.counter.shared.v2"));
        try (KarafInstance karaf = KarafInstance.unpack(Path.of(System.getProperty("karaf.distribution")),
                Path.of(System.getProperty("karaf.work")), Path.of(System.getProperty("karaf.repository")))) {
            // A framework property, as an operator sets it in Karaf: lets swapline:swap move 'kv'.
            karaf.append("etc/custom.properties", "swapline.authorised.kv = " + STRIPED);
            karaf.start();
            try (KarafShell shell = KarafShell.connect(karaf.sshPort(), "karaf", "karaf", Duration.ofSeconds(120), karaf)) {
                shell.await("feature:list -i", out -> started(out, "bundle") && started(out, "kar")
                        && started(out, "feature"), Duration.ofSeconds(120), "Karaf's boot features started");
                step("Karaf up");

                shell.execute("feature:repo-add mvn:io.swapline/swapline-karaf/" + version + "/xml/features", COMMAND);
                shell.execute("feature:install swapline", COMMAND);
                shell.execute("feature:install swapline-examples", COMMAND);
                String features = shell.execute("feature:list -i", COMMAND);
                assertTrue(started(features, "swapline") && started(features, "swapline-examples")
                        && started(features, "scr"), features);
                String bundles = shell.execute("bundle:list -s -t 0", COMMAND);
                for (String bundle : List.of("io.swapline.api", "io.swapline.core", "io.swapline.osgi",
                        "org.objectweb.asm", SHARED, "io.swapline.examples.counter.client",
                        "io.swapline.examples.kv.snapshot", "io.swapline.examples.kv.client")) {
                    assertTrue(Pattern.compile("(?m)\\|\\s*Active\\s*\\|.*\\|\\s*" + Pattern.quote(bundle) + "\\s*$")
                            .matcher(bundles).find(), bundle + " active:\n" + bundles);
                }
                step("features installed");

                CounterReport before = awaitCalls(shell, CALLS, "the client's first calls");
                assertEquals("shared counter 1.0", before.implementation());
                assertTrue(served(shell, "counter").contains(SHARED + " 1.0.0 | SHARED"), served(shell, "counter"));

                // The update returns after the swap, so the next report already reads 2.0.
                shell.execute("bundle:update " + SHARED + " " + v2.toUri(), COMMAND);
                CounterReport atUpdate = CounterReport.parse(shell.execute("echo (counter:report)", COMMAND));
                assertEquals("shared counter 2.0", atUpdate.implementation(), "update returns after the swap");
                assertTrue(atUpdate.calls() > before.calls(), "the client kept calling across the update: "
                        + before + " then " + atUpdate);
                CounterReport afterUpdate = awaitCalls(shell, atUpdate.calls() + CALLS, "the client's calls on 2.0");
                assertEquals(0, afterUpdate.failures(), afterUpdate.toString());
                String row = served(shell, "counter");
                assertTrue(row.contains(SHARED + " 2.0.0 | SHARED") && row.endsWith("| 1"), "2.0 serves, one swap: " + row);
                String history = String.join("\n", lines(shell, "swapline:history counter"));
                Matcher record = SWAP_RECORD.matcher(history);
                assertTrue(record.find(), "the update's swap record:\n" + history);
                long forwarded = Long.parseLong(record.group(1));
                long blocked = Long.parseLong(record.group(2));
                assertTrue(forwarded + blocked > 0, "the update raced the client's calls (calls forwarded or "
                        + "blocked by the swap): " + record.group());
                step("bundle:update swapped live (forwarded=" + forwarded + " blocked=" + blocked + ")");

                // Karaf's features service now sees its bundle counter-shared 1.0.0 missing and a
                // 2.0.0 it does not know: its next deployment, here of a feature that is already
                // installed, uninstalls 2.0.0 and installs 1.0.0 again. The extender keeps the
                // state across (waiting calls), and 1.0 serves again.
                shell.execute("feature:install scr", COMMAND);
                CounterReport reverted = CounterReport.parse(shell.execute("echo (counter:report)", COMMAND));
                assertEquals("shared counter 1.0", reverted.implementation(),
                        "the features service put the feature's version back");
                assertTrue(served(shell, "counter").contains(SHARED + " 1.0.0 | SHARED"), served(shell, "counter"));
                awaitCalls(shell, reverted.calls() + CALLS, "the client's calls after the feature deployment");
                step("feature deployment reverted the update");

                // bundle:update -r: the same live swap, then Karaf refreshes every pending removal
                // (on Felix's refresh thread, after the command has returned), which the extender
                // rides out on its waiting root: one more handover, no failed call.
                long handovers = handovers(lines(shell, "swapline:history counter"));
                assertEquals(1, handovers, "the feature deployment's uninstall and install: one handover");
                shell.execute("bundle:update -r " + SHARED + " " + v2.toUri(), COMMAND);
                shell.await("each (swapline:history counter) { echo $it }",
                        out -> handovers(out.lines().toList()) == handovers + 1, WAIT, "the refresh's handover");
                CounterReport atRefresh = CounterReport.parse(shell.execute("echo (counter:report)", COMMAND));
                assertEquals("shared counter 2.0", atRefresh.implementation());
                awaitCalls(shell, atRefresh.calls() + CALLS, "the client's calls after the refresh");
                assertTrue(served(shell, "counter").contains(SHARED + " 2.0.0 | SHARED"), served(shell, "counter"));
                step("bundle:update -r swapped and rode out the refresh");

                CounterReport last = CounterReport.parse(shell.execute(STOP_CLIENT, COMMAND));
                System.out.println("KarafFeatureUpdateIT final report: " + last);
                assertEquals(0, last.failures(), "failed calls: " + last);
                assertEquals(last.calls(), last.count(), "the count is exactly the acknowledged increments");
                assertEquals(1, last.activations(), "the client component was activated once");
                assertEquals("shared counter 2.0", last.implementation());
                // The framework property of etc/custom.properties reached the extender.
                shell.execute("swapline:swap kv " + STRIPED, COMMAND);
                assertTrue(served(shell, "kv").contains(STRIPED + " 1.0.0 |"), served(shell, "kv"));

                // One holder per object, of the revision that serves it: Karaf's uninstall, refresh
                // and install left none behind (the extender uninstalls old holders off the
                // bundle-event thread, so this waits for it).
                List<String> expected = List.of(SHARED + " 2.0.0", STRIPED + " 1.0.0");
                shell.await("bundle:list -t 0", out -> holders(out).equals(expected), WAIT,
                        "one holder per object, of its serving revision: " + expected);
                assertFalse(karaf.log().contains("| ERROR |"), "no ERROR in Karaf's log:\n" + karaf.logTail(80));
            } catch (Throwable failure) {
                System.out.println("KarafFeatureUpdateIT failed; the end of Karaf's log:\n" + karaf.logTail(80));
                throw failure;
            }
        }
        step("Karaf stopped");
    }

    /** The revisions the extender's holder bundles hold, from bundle:list, sorted (one entry per holder). */
    private static List<String> holders(String bundleList) {
        Matcher holder = Pattern.compile("(?m)\\|\\s*Swapline holder of (\\S+ \\S+)\\s*$").matcher(bundleList);
        List<String> held = new ArrayList<>();
        while (holder.find()) {
            held.add(holder.group(1));
        }
        held.sort(null);
        return held;
    }

    private static long handovers(List<String> history) {
        return history.stream().filter(line -> line.contains("[COMPLETE] protocol=swapline-handover")).count();
    }

    private static boolean started(String featureList, String feature) {
        return Pattern.compile("(?m)^\\s*" + Pattern.quote(feature) + "\\s*\\|[^|\\n]*\\|[^|\\n]*\\|\\s*Started\\s*\\|")
                .matcher(featureList).find();
    }

    private static CounterReport awaitCalls(KarafShell shell, long calls, String what) throws Exception {
        return CounterReport.parse(shell.await("echo (counter:report)", out -> {
            CounterReport report = CounterReport.parseIfAny(out);
            return report != null && report.calls() >= calls;
        }, WAIT, what + " (" + calls + ")"));
    }

    /** The swapline:list row of one object. */
    private static String served(KarafShell shell, String object) throws Exception {
        return lines(shell, "swapline:list").stream().filter(line -> line.startsWith(object + " | ")).findFirst()
                .orElseThrow(() -> new AssertionError("no object '" + object + "' in swapline:list"));
    }

    /**
     * A Swapline command's lines: its functions return them (a console prints them, an SSH exec
     * channel does not), so the shell echoes each.
     */
    private static List<String> lines(KarafShell shell, String command) throws Exception {
        return shell.execute("each (" + command + ") { echo $it }", COMMAND).lines().map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
    }

    private void step(String what) {
        System.out.printf("KarafFeatureUpdateIT: %s at %.1f s%n", what, (System.nanoTime() - began) / 1e9);
    }
}
