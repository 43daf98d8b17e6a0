package io.swapline.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * A running framework: what its cache holds, plus the jars of the bundle folder it has not
 * installed yet, started.
 *
 * <p>The framework keeps its cache between runs (what that means for the operator: the README,
 * "Launcher options"). Every jar of the folder that this cache has not seen ({@link InstalledJars}; all of
 * them on a first start) is installed before the framework starts and, unless a fragment,
 * marked started; the framework then starts every bundle marked started, by start level, then
 * bundle id. The Gogo shell is given start level {@value #SHELL_START_LEVEL} (the framework's
 * beginning start level, {@code framework.properties}) so that it starts last, also on later
 * runs: its console thread reads the first command as soon as it starts. A bundle that fails
 * to start is logged by the framework and the others still start, so that the shell is there
 * to look at it.
 *
 * <p>Any framework on the class path that provides a {@link FrameworkFactory} through
 * {@link ServiceLoader} would do; the launcher ships Felix.
 */
final class Platform {

    /** Starts last: its console thread reads the first command as soon as it starts. */
    static final String SHELL = "org.apache.felix.gogo.shell";
    /** The shell's start level; every other bundle has the framework's initial bundle start level, 1. */
    static final int SHELL_START_LEVEL = 2;
    private static final long SHUTDOWN_TIMEOUT_MS = 10_000;

    private final Framework framework;

    private Platform(Framework framework) {
        this.framework = framework;
    }

    /**
     * Creates and starts the framework from its cache, and installs and starts the jars of the
     * bundle folder the cache has not seen.
     *
     * @param settings the bundle folder and the framework properties
     * @return the running platform
     * @throws Exception if the framework cannot be created or started, or a new jar is not a bundle
     */
    static Platform start(LauncherSettings settings) throws Exception {
        long began = System.nanoTime();
        List<Path> jars = BundleFolder.jars(settings.bundleFolder());
        Framework framework = newFramework(settings);
        framework.init();
        Platform platform = new Platform(framework);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "swapline-shutdown"));
        BundleContext system = framework.getBundleContext();
        InstalledJars record = InstalledJars.of(system);
        boolean firstStart = record.isEmpty();
        List<String> changed = record.changedSinceInstalled(jars);
        if (!changed.isEmpty()) {
            PlatformLog.changedSinceInstalled(changed);
        }
        List<Path> added = record.notInstalled(jars);
        for (Path jar : added) {
            Bundle bundle = system.installBundle(jar.toUri().toString());
            if (SHELL.equals(bundle.getSymbolicName())) {
                bundle.adapt(BundleStartLevel.class).setStartLevel(SHELL_START_LEVEL);
            }
            if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) == null) { // a fragment cannot be started
                bundle.start(); // before the framework starts, this only marks it: framework.start() starts it
            }
            record.add(jar);
        }
        if (!added.isEmpty()) {
            record.save();
        }
        ServingObjects serving = new ServingObjects(system);
        system.addBundleListener(serving);
        framework.start();
        serving.logOnce(); // a no-op when the shell started
        PlatformLog.started(settings.bundleFolder(), settings.cacheFolder(), firstStart, added.size(), system.getBundles(),
                System.nanoTime() - began);
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

    /**
     * Logs, once, what serves each clustered object: when the shell starts, so that the lines
     * come before its prompt, or at {@link #logOnce} after the framework started without a shell.
     */
    private static final class ServingObjects implements SynchronousBundleListener {

        private final BundleContext system;
        private final AtomicBoolean logged = new AtomicBoolean();

        ServingObjects(BundleContext system) {
            this.system = system;
        }

        @Override
        public void bundleChanged(BundleEvent event) {
            if (event.getType() == BundleEvent.STARTING && SHELL.equals(event.getBundle().getSymbolicName())) {
                logOnce();
            }
        }

        void logOnce() {
            if (logged.compareAndSet(false, true)) {
                system.removeBundleListener(this);
                PlatformLog.serving(system);
            }
        }
    }

    private static Framework newFramework(LauncherSettings settings) {
        for (FrameworkFactory factory : ServiceLoader.load(FrameworkFactory.class, Platform.class.getClassLoader())) {
            return factory.newFramework(settings.frameworkProperties());
        }
        throw new IllegalStateException("no OSGi framework on the class path (no META-INF/services/"
                + FrameworkFactory.class.getName() + ")");
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
