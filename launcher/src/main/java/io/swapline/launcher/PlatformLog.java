package io.swapline.launcher;

import java.nio.file.Path;

import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The launcher's log lines, in one place so that their wording stays consistent. */
final class PlatformLog {

    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

    private PlatformLog() {
    }

    static void started(Path folder, int installed, int started, long nanos) {
        LOG.info("Swapline platform up in {} ms: {} bundles installed from {}, {} started", nanos / 1_000_000,
                installed, folder, started);
    }

    static void notStarted(Bundle bundle, Exception e) {
        LOG.error("bundle {} {} [{}] did not start: {}", bundle.getSymbolicName(), bundle.getVersion(),
                bundle.getBundleId(), e.getMessage(), e);
    }

    static void stoppedWithError(Throwable e) {
        LOG.error("the framework stopped with an error", e);
    }
}
