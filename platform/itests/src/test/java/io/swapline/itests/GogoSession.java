package io.swapline.itests;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A Gogo {@link CommandSession} of the framework's {@link CommandProcessor}, as the shell uses
 * it, with its output captured: commands run on the calling thread, as on the shell's.
 */
final class GogoSession implements AutoCloseable {

    private final ServiceTracker<CommandProcessor, CommandProcessor> tracker;
    private final CommandSession session;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private GogoSession(BundleContext context) throws InterruptedException {
        tracker = Installed.track(context, CommandProcessor.class);
        session = tracker.getService().createSession(new ByteArrayInputStream(new byte[0]), output, output);
    }

    static GogoSession open(BundleContext context) throws InterruptedException {
        return new GogoSession(context);
    }

    /**
     * Runs a command line.
     *
     * @return the command's result (the shell would format and print it)
     * @throws Exception what the command threw (the shell would print it as one line)
     */
    Object execute(String commandLine) throws Exception {
        return session.execute(commandLine);
    }

    /**
     * Runs a command line that must fail, and checks that the failure is what the shell prints
     * as one line ({@code gogo: <exception's simple name>: <message>}): a message without a line
     * break, and no stack trace printed besides (log lines the command's thread writes, such as
     * the extender's WARN for a refusal, reach the session's error stream as they reach the console).
     *
     * @return the failure
     */
    Exception failure(String commandLine) {
        int printedBefore = output.size();
        Object result;
        try {
            result = session.execute(commandLine);
        } catch (Exception e) {
            assertNotNull(commandLine + ": a failure without a message: " + e, e.getMessage());
            assertFalse(commandLine + ": not one line: " + e.getMessage(), e.getMessage().contains("\n"));
            String printed = output().substring(printedBefore);
            assertFalse(commandLine + ": printed a stack trace: " + printed, printed.contains("\tat "));
            return e;
        }
        throw new AssertionError(commandLine + " did not fail; it returned " + result);
    }

    /** @return everything the commands printed so far */
    String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        session.close();
        tracker.close();
    }
}
