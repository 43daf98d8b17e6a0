package io.swapline.chaos;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * One Gogo session of the framework's {@link CommandProcessor}, used by one thread: commands run
 * on the calling thread, as on the shell's. What a command prints is returned with its result.
 */
final class Shell implements AutoCloseable {

    private final ServiceTracker<CommandProcessor, CommandProcessor> tracker;
    private final CommandSession session;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    Shell(BundleContext context) throws InterruptedException {
        tracker = new ServiceTracker<>(context, CommandProcessor.class, null);
        tracker.open();
        CommandProcessor processor = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
        if (processor == null) {
            tracker.close();
            throw new AssertionError("no Gogo CommandProcessor within 20 s");
        }
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, out);
    }

    /**
     * Runs a command line.
     *
     * @return the result as text, then what it printed, if anything
     * @throws Exception what the command threw
     */
    synchronized String run(String commandLine) throws Exception {
        printed.reset();
        Object result = session.execute(commandLine);
        String output = printed.toString(StandardCharsets.UTF_8);
        String text = result == null ? "" : result instanceof Iterable<?> lines ? join(lines) : result.toString();
        return output.isEmpty() ? text : text + (text.isEmpty() ? "" : "\n") + output;
    }

    private static String join(Iterable<?> lines) {
        StringBuilder text = new StringBuilder();
        for (Object line : lines) {
            text.append(line).append('\n');
        }
        return text.toString();
    }

    @Override
    public void close() {
        session.close();
        tracker.close();
    }
}
