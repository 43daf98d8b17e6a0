package io.swapline.karaf.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Karaf distribution, unpacked fresh from its {@code tar.gz} and run by its own
 * {@code bin/karaf server} as a child process of the test, with the test's JDK.
 *
 * <p>Configured for a test on a shared machine: SSH and JMX on free ports of 127.0.0.1 (the
 * shutdown port is random already), the {@code karaf} user of {@code etc/users.properties} enabled,
 * and Maven resolution offline: the distribution's {@code system} folder plus one extra local
 * repository, with no remote repository and an empty local one, so that a bundle missing from the
 * features' provisioning fails the test instead of being downloaded.
 *
 * <p>{@link #close()} always ends the process: {@code bin/stop}, then, if Karaf has not exited in
 * time, the process tree is destroyed; a shutdown hook does the same if the test JVM exits first.
 */
final class KarafInstance implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path home;
    private final int sshPort;
    private Process process;
    private Thread shutdownHook;

    private KarafInstance(Path home, int sshPort) {
        this.home = home;
        this.sshPort = sshPort;
    }

    /**
     * Unpacks the distribution into an empty {@code work} folder and configures it.
     *
     * @param distribution the {@code apache-karaf-<v>.tar.gz}
     * @param work a folder of the build; deleted first
     * @param repository a folder in Maven repository layout with the bundles the features need
     */
    static KarafInstance unpack(Path distribution, Path work, Path repository) throws IOException, InterruptedException {
        deleteTree(work);
        Files.createDirectories(work);
        run(work, Duration.ofSeconds(120), "tar", "xzf", distribution.toString(), "-C", work.toString());
        Path home;
        try (Stream<Path> children = Files.list(work)) {
            List<Path> unpacked = children.filter(Files::isDirectory).toList();
            if (unpacked.size() != 1) {
                throw new IllegalStateException("expected one folder in " + work + ": " + unpacked);
            }
            home = unpacked.get(0);
        }
        int sshPort = freePort();
        Path etc = home.resolve("etc");
        replace(etc.resolve("users.properties"), "#karaf = karaf,_g_:admingroup", "karaf = karaf,_g_:admingroup");
        replace(etc.resolve("users.properties"), "#_g_\\:admingroup", "_g_\\:admingroup");
        replace(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort = 8101", "sshPort = " + sshPort);
        replace(etc.resolve("org.apache.karaf.shell.cfg"), "sshHost = 0.0.0.0", "sshHost = 127.0.0.1");
        replace(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort = 1099", "rmiRegistryPort = " + freePort());
        replace(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerPort = 44444", "rmiServerPort = " + freePort());
        Path mvn = etc.resolve("org.ops4j.pax.url.mvn.cfg");
        String config = Files.readString(mvn);
        int remote = config.indexOf("\norg.ops4j.pax.url.mvn.repositories=") + 1;
        if (remote == 0) {
            throw new IllegalStateException("no remote repositories to switch off in " + mvn);
        }
        // The remote list is the last multi-line value; cut it off and add the offline settings.
        int end = config.indexOf("\n\n", remote);
        String rest = end < 0 ? "" : config.substring(end);
        config = config.substring(0, remote) + "org.ops4j.pax.url.mvn.repositories=" + rest
                + "\norg.ops4j.pax.url.mvn.localRepository=" + home.resolve("data/empty-local-repository")
                + "\n";
        config = config.replace("@id=child.system.repository@snapshots",
                "@id=child.system.repository@snapshots, \\\n    " + repository.toUri() + "@id=swapline@snapshots");
        Files.writeString(mvn, config);
        return new KarafInstance(home, sshPort);
    }

    Path home() {
        return home;
    }

    int sshPort() {
        return sshPort;
    }

    /** Adds lines to a configuration file of the instance, e.g. framework properties to {@code etc/custom.properties}. */
    void append(String file, String... lines) throws IOException {
        Path path = home.resolve(file);
        Files.writeString(path, Files.readString(path) + "\n" + String.join("\n", lines) + "\n");
    }

    /** Starts {@code bin/karaf server}; its console output goes to {@code karaf-console.log} beside the home. */
    void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolveSibling("karaf-console.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        process = builder.start();
        shutdownHook = new Thread(this::destroy, "karaf-destroyer");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The last lines of Karaf's log, for failure messages. */
    String logTail(int lines) {
        Path log = home.resolve("data/log/karaf.log");
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no " + log + ": " + e + ")";
        }
    }

    /**
     * The whole Karaf log.
     */
    String log() throws IOException {
        return Files.readString(home.resolve("data/log/karaf.log"), StandardCharsets.UTF_8);
    }

    /** Stops Karaf with {@code bin/stop}, and destroys it if it has not exited in time. Idempotent. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        try {
            if (process.isAlive()) {
                try {
                    run(home, STOP_TIMEOUT, home.resolve("bin/stop").toString());
                } catch (IOException | IllegalStateException e) {
                    System.err.println("bin/stop failed, destroying Karaf: " + e);
                }
                if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    System.err.println("Karaf did not stop within " + STOP_TIMEOUT + ", destroying it");
                }
            }
        } catch (InterruptedException e) { // destroyed below; the interrupt stays set for the caller
            Thread.currentThread().interrupt();
        } finally {
            destroy();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) { // the JVM is exiting: the hook runs destroy() again, harmless
            }
            process = null;
        }
    }

    private void destroy() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    /** Runs a command to its end, bounded; its output goes to the test's output. */
    private static void run(Path directory, Duration timeout, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).inheritIO();
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = builder.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not end within " + timeout);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + p.exitValue());
        }
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        if (!text.contains(from)) {
            throw new IllegalStateException("'" + from + "' not found in " + file);
        }
        Files.writeString(file, text.replace(from, to));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
