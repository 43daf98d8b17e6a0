package io.swapline.launcher;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The launcher's log lines, in one place so that their wording stays consistent. */
final class PlatformLog {

    // The service properties of a clustered object's stub, as the extender (io.swapline.osgi)
    // registers it; clients filter on them too (README, "Contribute an implementation").
    static final String OBJECT = "swapline.object";
    static final String IMPLEMENTATION_BUNDLE = "swapline.implementation.bundle";
    static final String IMPLEMENTATION_VERSION = "swapline.implementation.version";
    static final String WAITING = "swapline.waiting";

    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

    private PlatformLog() {
    }

    static void started(Path folder, Path cache, boolean firstStart, int added, Bundle[] bundles, long nanos) {
        int total = bundles.length - 1; // not the system bundle
        long active = Arrays.stream(bundles).filter(bundle -> bundle.getBundleId() != 0
                && bundle.getState() == Bundle.ACTIVE).count();
        if (firstStart) {
            LOG.info("Swapline platform up in {} ms: {} bundles installed from {} into the new cache {}, {} active",
                    nanos / 1_000_000, added, folder, cache, active);
        } else {
            LOG.info("Swapline platform up in {} ms from the cache {}: {} bundles, {} active, {} of them new in {};"
                    + " --clean starts from the bundle folder alone", nanos / 1_000_000, cache, total, active, added,
                    folder);
        }
    }

    static void changedSinceInstalled(List<String> jars) {
        LOG.warn("{} changed in the bundle folder since installed; the cache's revisions run"
                + " (update them in the shell, or start with --clean)", String.join(", ", jars));
    }

    /** One line per clustered object: which bundle and version serves it. */
    static void serving(BundleContext system) {
        ServiceReference<?>[] references;
        try {
            references = system.getServiceReferences((String) null, "(" + OBJECT + "=*)");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // a constant filter
        }
        if (references == null) {
            LOG.info("no clustered object is registered");
            return;
        }
        Arrays.sort(references, Comparator.comparing(reference -> String.valueOf(reference.getProperty(OBJECT))));
        for (ServiceReference<?> reference : references) {
            String bundle = reference.getProperty(IMPLEMENTATION_BUNDLE) + " "
                    + reference.getProperty(IMPLEMENTATION_VERSION);
            String types = String.join(", ", (String[]) reference.getProperty(Constants.OBJECTCLASS));
            if (Boolean.TRUE.equals(reference.getProperty(WAITING))) {
                LOG.info("clustered object '{}' ({}) waits for an implementation; {} served it last",
                        reference.getProperty(OBJECT), types, bundle);
            } else {
                LOG.info("clustered object '{}' ({}) is served by {}", reference.getProperty(OBJECT), types, bundle);
            }
        }
    }

    static void stoppedWithError(Throwable e) {
        LOG.error("the framework stopped with an error", e);
    }
}
