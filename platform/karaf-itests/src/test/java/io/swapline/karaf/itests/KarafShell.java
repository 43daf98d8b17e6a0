package io.swapline.karaf.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/**
 * Karaf's shell over SSH, as {@code bin/client "<command>"} reaches it: per command one session
 * and one exec channel (Karaf closes the session when the command ends), the command's output as
 * text (ANSI colours removed). One SSH client in the test's JVM instead of one {@code bin/client}
 * JVM per command, so that polling a condition is cheap. Localhost only: the server key of the
 * fresh instance is accepted unchecked.
 */
final class KarafShell implements AutoCloseable {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*[A-Za-z]");
    /** How Karaf's shell reports a failed command in its output. */
    private static final Pattern FAILED = Pattern.compile("Error executing command|Command not found");

    private final SshClient client;
    private final int port;
    private final String user;
    private final String password;

    private KarafShell(SshClient client, int port, String user, String password) {
        this.client = client;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /**
     * Connects and logs in, retrying until Karaf's SSH server answers or the timeout passes.
     */
    static KarafShell connect(int port, String user, String password, Duration timeout, KarafInstance karaf)
            throws IOException, InterruptedException {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last = null;
        while (System.nanoTime() - deadline < 0) {
            if (!karaf.isRunning()) {
                client.stop();
                throw new IllegalStateException("Karaf exited while the test waited for its SSH server");
            }
            KarafShell shell = new KarafShell(client, port, user, password);
            try {
                shell.login(Duration.ofSeconds(20)).close();
                return shell;
            } catch (IOException e) { // not listening yet, or the shell not ready: try again
                last = e;
                Thread.sleep(250);
            }
        }
        client.stop();
        throw new IOException("no SSH login to Karaf on port " + port + " within " + timeout, last);
    }

    /**
     * Runs one command and returns its output; fails if the shell reports an error.
     */
    String execute(String command, Duration timeout) throws IOException {
        Result result = run(command, timeout);
        if (result.failed()) {
            throw new AssertionError("'" + command + "' failed (exit " + result.exitStatus + "):\n" + result.output);
        }
        return result.output;
    }

    /**
     * Runs a command again and again until its output satisfies the condition, and returns that
     * output; a failing run (e.g. a command not registered yet) counts as not satisfied.
     */
    String await(String command, Predicate<String> condition, Duration timeout, String what) throws IOException,
            InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Result last;
        do {
            last = run(command, Duration.ofSeconds(30));
            if (!last.failed() && condition.test(last.output)) {
                return last.output;
            }
            Thread.sleep(100);
        } while (System.nanoTime() - deadline < 0);
        throw new AssertionError("not within " + timeout + ": " + what + "; last '" + command + "':\n" + last.output);
    }

    private ClientSession login(Duration timeout) throws IOException {
        ClientSession session = client.connect(user, "127.0.0.1", port).verify(timeout).getSession();
        try {
            session.addPasswordIdentity(password);
            session.auth().verify(timeout);
            return session;
        } catch (IOException | RuntimeException e) {
            session.close(true);
            throw e;
        }
    }

    private Result run(String command, Duration timeout) throws IOException {
        try (ClientSession session = login(timeout); ChannelExec channel = session.createExecChannel(command + "\n")) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            channel.setIn(new ByteArrayInputStream(new byte[0]));
            channel.setOut(output);
            channel.setErr(output);
            channel.open().verify(timeout);
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
            String text = ANSI.matcher(output.toString(StandardCharsets.UTF_8)).replaceAll("");
            if (!events.contains(ClientChannelEvent.CLOSED)) {
                throw new AssertionError("'" + command + "' did not end within " + timeout + "; output so far:\n" + text);
            }
            return new Result(text, channel.getExitStatus());
        }
    }

    @Override
    public void close() {
        client.stop();
    }

    private record Result(String output, Integer exitStatus) {
        boolean failed() {
            return (exitStatus != null && exitStatus != 0) || FAILED.matcher(output).find();
        }
    }
}
