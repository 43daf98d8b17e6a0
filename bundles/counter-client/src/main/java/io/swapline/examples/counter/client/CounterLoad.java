package io.swapline.examples.counter.client;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The example client: a component that calls the platform's {@code Counter} service from a few
 * threads, and reports how that went. Also a Gogo command, {@code counter:report}.
 */
@ProviderType
public interface CounterLoad {

    /**
     * What the client has seen so far; the calling threads keep running.
     *
     * @return a snapshot
     */
    LoadReport snapshot();

    /**
     * Stops the calling threads, waits for them to end, and reports: after this, the counter's
     * count equals the acknowledged increments (when nothing else increments it).
     *
     * @return the final report
     */
    LoadReport stop();

    /**
     * The report as one line, for the shell: {@code counter:report}.
     *
     * @return {@link #snapshot()} as text
     */
    String report();
}
