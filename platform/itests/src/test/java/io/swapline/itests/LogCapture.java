package io.swapline.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Captures what the platform logs to {@code System.err} (slf4j-simple writes there, from any
 * thread, e.g. Config Admin's) while still printing it; {@link #close} restores the stream.
 * Gogo's ThreadIO puts its own {@code System.err} back whenever a session runs a command, so call
 * {@link #install} again after shell commands, before the action whose log lines are awaited.
 */
final class LogCapture implements AutoCloseable {

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream capturing;

    LogCapture() {
        capturing = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] { (byte) b }, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                synchronized (captured) {
                    captured.write(bytes, offset, length);
                }
                original.write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                original.flush();
            }
        }, true, StandardCharsets.UTF_8);
        install();
    }

    /** (Re)installs the capturing stream as {@code System.err}. */
    void install() {
        System.setErr(capturing);
    }

    /** @return the lines logged so far that contain {@code text} */
    List<String> lines(String text) {
        String log;
        synchronized (captured) {
            log = captured.toString(StandardCharsets.UTF_8);
        }
        return log.lines().filter(line -> line.contains(text)).toList();
    }

    /** Waits up to {@code seconds} for a line that contains {@code text}; returns it. */
    String await(String text, int seconds) {
        Installed.await("a log line containing: " + text, seconds, () -> !lines(text).isEmpty());
        return lines(text).get(0);
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
