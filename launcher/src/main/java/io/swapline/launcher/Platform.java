package io.swapline.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * A running framework with the bundles of the bundle folder installed and started.
 *
 * <p>Any framework on the class path that provides a {@link FrameworkFactory} through
 * {@link ServiceLoader} would do; the launcher ships Felix.
 */
final class Platform {

    /** Starts last: its console thread reads the first command as soon as it starts. */
    static final String SHELL = "org.apache.felix.gogo.shell";
    private static final long SHUTDOWN_TIMEOUT_MS = 10_000;

    private final Framework framework;

    private Platform(Framework framework) {
        this.framework = framework;
    }

    /**
     * Creates and starts the framework, installs every jar of the bundle folder and starts
     * every bundle that is not a fragment. A bundle that fails to start is logged and the
     * others still start, so that the shell is there to look at it.
     *
     * @param settings the bundle folder and the framework properties
     * @return the running platform
     * @throws Exception if the framework cannot be created or started, or a jar is not a bundle
     */
    static Platform start(LauncherSettings settings) throws Exception {
        long began = System.nanoTime();
        List<Path> jars = BundleFolder.jars(settings.bundleFolder());
        Framework framework = newFramework(settings);
        framework.init();
        Platform platform = new Platform(framework);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "swapline-shutdown"));
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            installed.add(framework.getBundleContext().installBundle(jar.toUri().toString()));
        }
        framework.start();
        installed.sort(Comparator.comparing(bundle -> SHELL.equals(bundle.getSymbolicName())));
        int started = 0;
        for (Bundle bundle : installed) {
            if (startUnlessFragment(bundle)) {
                started++;
            }
        }
        PlatformLog.started(settings.bundleFolder(), installed.size(), started, System.nanoTime() - began);
        return platform;
    }

    /**
     * Waits until the framework stops for good.
     *
     * @return the process exit status: 0 after a normal stop, 1 after an error
     * @throws InterruptedException if interrupted while waiting
     */
    int awaitStop() throws InterruptedException {
        FrameworkEvent event = framework.waitForStop(0);
        while (event.getType() == FrameworkEvent.STOPPED_UPDATE) { // "update 0": Felix restarts itself
            event = framework.waitForStop(0);
        }
        if (event.getType() == FrameworkEvent.ERROR) {
            PlatformLog.stoppedWithError(event.getThrowable());
            return 1;
        }
        return 0;
    }

    private static Framework newFramework(LauncherSettings settings) {
        for (FrameworkFactory factory : ServiceLoader.load(FrameworkFactory.class, Platform.class.getClassLoader())) {
            return factory.newFramework(settings.frameworkProperties());
        }
        throw new IllegalStateException("no OSGi framework on the class path (no META-INF/services/"
                + FrameworkFactory.class.getName() + ")");
    }

    private static boolean startUnlessFragment(Bundle bundle) {
        if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
            return false; // fragments attach to their host; they cannot be started
        }
        try {
            bundle.start();
            return true;
        } catch (BundleException | RuntimeException e) {
            PlatformLog.notStarted(bundle, e);
            return false;
        }
    }

    /** Stops the framework on Ctrl-C or SIGTERM; a no-op once it has stopped. */
    private void stop() {
        try {
            framework.stop();
            framework.waitForStop(SHUTDOWN_TIMEOUT_MS);
        } catch (BundleException | InterruptedException e) {
            PlatformLog.stoppedWithError(e);
        }
    }
}
