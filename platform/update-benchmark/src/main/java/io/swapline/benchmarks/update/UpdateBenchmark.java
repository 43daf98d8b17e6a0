package io.swapline.benchmarks.update;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * Bundle updates under load, Swapline against plain Declarative Services, with the parameters of
 * issue 4's anchor: 4 client threads, 20 updates 100 ms apart, a fresh framework per run.
 *
 * <p>Each run boots Felix from the launcher's bundle folder (every jar but the Gogo shell, which
 * would read the console, and the example client, whose own calls would change the count) plus a
 * DS counter bundle packed at run time ({@link DsCounterBundle}), then runs these phases one
 * after the other, each with 4 fresh client threads calling {@code Counter.increment()}:
 * <ol>
 * <li>warm-up (Swapline, no update; not reported);</li>
 * <li>control: the Swapline counter, clients holding the service object, the same 20 × 100 ms
 * schedule without updates;</li>
 * <li>update control: the same Swapline clients while the DS counter's bundle (not the Swapline
 * counter's) is updated on the same schedule: the same update work in the framework, no swap;</li>
 * <li>Swapline, held: {@code Bundle.update} of counter-shared, alternately to the 2.0 and the 1.0 jar;</li>
 * <li>Swapline, tracker: the same, clients calling {@code ServiceTracker.getService()} on every call;</li>
 * <li>DS, tracker: {@code Bundle.update} of the DS counter bundle, alternately to 2.0.0 and 1.0.0;</li>
 * <li>DS, held: the same, clients holding the service object they got before the updates.</li>
 * </ol>
 * Per phase: calls, failed calls (a call that threw, or a look-up that found no service), the
 * longest single call (look-up included), the longest and total time with no matching service
 * registered (a service listener), the longest {@code update} call, and the state lost: the
 * count before the phase plus the acknowledged increments minus the count of the service
 * registered at the end.
 *
 * <pre>
 * java -jar platform/update-benchmark/target/update-benchmark.jar [runs] [bundle folder] [counter-shared 2.0 jar]
 * </pre>
 * Defaults: 5, {@code launcher/target/bundles}, {@code launcher/target/demo/counter-shared-2.0.0.jar}.
 */
public final class UpdateBenchmark {

    static final int THREADS = Integer.getInteger("update.benchmark.threads", 4);
    static final int UPDATES = 20;
    static final long UPDATE_INTERVAL_MS = 100;
    static final long WARM_UP_MS = 1_000;
    static final long SETTLE_MS = 300;
    static final String COUNTER = "io.swapline.examples.counter.Counter";
    static final String SHARED = "io.swapline.examples.counter.shared";
    static final String SWAPLINE_FILTER = "(swapline.object=counter)";
    static final String DS_FILTER = "(component.name=" + DsCounterBundle.COMPONENT + ")";

    private UpdateBenchmark() {
    }

    public static void main(String[] args) throws Throwable {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path folder = Path.of(args.length > 1 ? args[1] : "launcher/target/bundles");
        Path sharedV2 = Path.of(args.length > 2 ? args[2] : "launcher/target/demo/counter-shared-2.0.0.jar");
        List<Path> jars = jars(folder);
        Path sharedV1 = jars.stream().filter(jar -> jar.getFileName().toString().startsWith("counter-shared-"))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no counter-shared jar in " + folder));
        byte[] shared1 = Files.readAllBytes(sharedV1);
        byte[] shared2 = Files.readAllBytes(sharedV2);
        byte[] ds1 = DsCounterBundle.jar("1.0.0");
        byte[] ds2 = DsCounterBundle.jar("2.0.0");

        System.out.printf(Locale.ROOT, "update benchmark: %d runs, %d client threads (update.benchmark.threads), %d updates %d ms apart; %s; "
                + "java %s; %d CPUs%n", runs, THREADS, UPDATES, UPDATE_INTERVAL_MS, folder,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        Map<String, List<PhaseResult>> results = new HashMap<>();
        List<String> order = List.of("Swapline, no update (control)", "Swapline, held, DS bundle updated",
                "Swapline, held", "Swapline, tracker per call",
                "DS, tracker per call", "DS, held");
        for (int run = 1; run <= runs; run++) {
            Path storage = Files.createTempDirectory("swapline-update-benchmark");
            Framework framework = boot(storage, jars, ds1);
            try {
                BundleContext context = framework.getBundleContext();
                Bundle shared = bundle(context, SHARED);
                Bundle ds = bundle(context, DsCounterBundle.SYMBOLIC_NAME);
                Phase.run(context, "warm-up", SWAPLINE_FILTER, false, null, null, null, WARM_UP_MS);
                List<PhaseResult> phases = List.of(
                        Phase.run(context, order.get(0), SWAPLINE_FILTER, false, null, null, null, 0),
                        Phase.run(context, order.get(1), SWAPLINE_FILTER, false, ds, ds2, ds1, 0),
                        Phase.run(context, order.get(2), SWAPLINE_FILTER, false, shared, shared2, shared1, 0),
                        Phase.run(context, order.get(3), SWAPLINE_FILTER, true, shared, shared2, shared1, 0),
                        Phase.run(context, order.get(4), DS_FILTER, true, ds, ds2, ds1, 0),
                        Phase.run(context, order.get(5), DS_FILTER, false, ds, ds2, ds1, 0));
                for (PhaseResult phase : phases) {
                    System.out.println("run " + run + ": " + phase);
                    results.computeIfAbsent(phase.name(), name -> new ArrayList<>()).add(phase);
                }
                if (Boolean.getBoolean("update.benchmark.history")) {
                    printSwapHistory(context);
                }
            } finally {
                framework.stop();
                framework.waitForStop(10_000);
                deleteQuietly(storage);
            }
        }
        System.out.println();
        System.out.println(table(order, results, runs));
        List<PhaseResult> control = results.get(order.get(0));
        List<PhaseResult> loaded = results.get(order.get(1));
        List<PhaseResult> held = results.get(order.get(2));
        StringBuilder verdict = new StringBuilder("Swapline held, longest call vs the same run's controls (no update;"
                + " the DS bundle updated instead):");
        for (int i = 0; i < runs; i++) {
            verdict.append(String.format(Locale.ROOT, " run %d %.2f vs %.2f / %.2f ms;", i + 1,
                    held.get(i).longestCallMs(), control.get(i).longestCallMs(), loaded.get(i).longestCallMs()));
        }
        System.out.println(verdict);
    }

    /** With -Dupdate.benchmark.history=true: the counter's swap records (phase timings), from swapline:history. */
    private static void printSwapHistory(BundleContext context) throws Exception {
        for (org.osgi.framework.ServiceReference<?> reference : context.getServiceReferences((String) null,
                "(osgi.command.scope=swapline)")) {
            Object commands = context.getService(reference);
            Object lines = commands.getClass().getMethod("history", String.class).invoke(commands, "counter");
            ((List<?>) lines).forEach(line -> System.out.println("  history: " + line));
            context.ungetService(reference);
        }
    }

    static String table(List<String> order, Map<String, List<PhaseResult>> results, int runs) {
        StringBuilder table = new StringBuilder();
        table.append("| Client (").append(runs).append(" runs) | calls | failed calls | state lost (of the expected count) | "
                + "longest no-service window | longest call, worst run (median of runs) | longest update |\n");
        table.append("|---|---|---|---|---|---|---|\n");
        for (String name : order) {
            List<PhaseResult> phases = results.get(name);
            long calls = phases.stream().mapToLong(PhaseResult::calls).sum();
            long failed = phases.stream().mapToLong(PhaseResult::failedCalls).sum();
            long lost = phases.stream().mapToLong(PhaseResult::stateLost).sum();
            long expected = phases.stream().mapToLong(PhaseResult::expected).sum();
            double window = phases.stream().mapToDouble(PhaseResult::longestWindowMs).max().orElse(0);
            double[] longest = phases.stream().mapToDouble(PhaseResult::longestCallMs).sorted().toArray();
            double update = phases.stream().mapToDouble(PhaseResult::longestUpdateMs).max().orElse(0);
            table.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d (%.0f %%) | %s | %.2f ms (%.2f ms) | %s |%n",
                    name, calls, failed, lost, expected == 0 ? 0.0 : 100.0 * lost / expected,
                    window == 0 ? "none" : String.format(Locale.ROOT, "%.1f ms", window),
                    longest[longest.length - 1], longest[longest.length / 2],
                    update == 0 ? "–" : String.format(Locale.ROOT, "%.1f ms", update)));
        }
        return table.toString();
    }

    private static Framework boot(Path storage, List<Path> jars, byte[] dsCounter) throws Exception {
        Map<String, String> properties = new HashMap<>();
        Properties defaults = new Properties();
        try (InputStream in = UpdateBenchmark.class.getResourceAsStream("/benchmark.properties")) {
            defaults.load(in);
        }
        defaults.stringPropertyNames().forEach(name -> properties.put(name, defaults.getProperty(name)));
        properties.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"))
                .newFramework(properties);
        framework.init();
        BundleContext context = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            installed.add(context.installBundle(jar.toUri().toString()));
        }
        installed.add(context.installBundle("ds-counter:" + DsCounterBundle.SYMBOLIC_NAME,
                new java.io.ByteArrayInputStream(dsCounter)));
        framework.start();
        for (Bundle bundle : installed) {
            if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
        }
        for (String filter : List.of(SWAPLINE_FILTER, DS_FILTER)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (context.getServiceReferences(COUNTER, filter) == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no Counter service " + filter + " within 10 s");
                }
                Thread.sleep(1);
            }
        }
        return framework;
    }

    /** The jars of the folder but the Gogo shell (it would read the console) and the example client. */
    private static List<Path> jars(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + " is not a folder: build first (mvn -B -q package -DskipTests)");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .filter(file -> !file.getFileName().toString().startsWith("org.apache.felix.gogo.shell"))
                    .filter(file -> !file.getFileName().toString().startsWith("counter-client"))
                    .sorted()
                    .toList();
        }
    }

    static Bundle bundle(BundleContext context, String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new IllegalStateException("no bundle " + symbolicName);
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + folder + ": " + e);
        }
    }
}
