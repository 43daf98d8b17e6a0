package io.swapline.launcher;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the Swapline platform: Apache Felix, every bundle of one folder, and the Gogo shell
 * on this console.
 *
 * <pre>
 * java [-Dname=value ...] -jar swapline-launcher.jar [bundle-folder]
 * </pre>
 *
 * <h2>The bundle folder</h2>
 * Every {@code *.jar} of the folder is installed, in file-name order, then every bundle that is
 * not a fragment is started; the Gogo shell starts last, so that its first command sees the
 * others started. The default folder is {@code bundles} beside the launcher jar: the build
 * fills {@code launcher/target/bundles} with the launcher module's {@code provided}
 * dependencies, so a bundle joins the platform by being added there as a dependency, with no
 * change to this code. The folder can also be given as the argument or as the system property
 * {@value LauncherSettings#BUNDLES_PROPERTY}.
 *
 * <h2>Properties</h2>
 * <ul>
 *   <li>{@value LauncherSettings#BUNDLES_PROPERTY}: the bundle folder (see above).
 *   <li>{@code org.osgi.framework.storage}: the framework's cache; default {@code felix-cache}
 *       beside the launcher jar. It is emptied at every start
 *       ({@code org.osgi.framework.storage.clean=onFirstInit}).
 *   <li>{@code org.osgi.framework.system.packages.extra}: exports {@code org.slf4j} and its
 *       {@code spi}, {@code event} and {@code helpers} packages, at the SLF4J version on the
 *       launcher's class path ({@code slf4j-api} and {@code slf4j-simple}), so bundles import
 *       SLF4J and log through {@code slf4j-simple} to standard error.
 *   <li>Every system property named {@code org.osgi.*}, {@code felix.*}, {@code gosh.*} or
 *       {@code swapline.*}, or named like a line of {@code framework.properties}, is passed to
 *       the framework and overrides that line (for example {@code -Dgosh.args=--nointeractive}
 *       to run without a console, {@code -Dswapline.policy.counter=disabled}).
 * </ul>
 *
 * <h2>Exit</h2>
 * Gogo reads commands from standard input and stops the framework at the end of input, so
 * {@code printf 'lb\n' | java -jar swapline-launcher.jar} lists the bundles and exits. The
 * launcher exits 0 when the framework stopped normally and 1 when it failed to start or
 * stopped with an error.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    /**
     * Starts the platform and waits until the framework stops.
     *
     * @param args an optional bundle folder
     */
    public static void main(String[] args) {
        if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
            System.err.println("usage: java [-Dname=value ...] -jar swapline-launcher.jar [bundle-folder]");
            System.exit(2);
        }
        int status;
        try {
            LauncherSettings settings = LauncherSettings.from(System.getProperties(), launcherHome(),
                    args.length == 1 ? Path.of(args[0]) : null);
            status = Platform.start(settings).awaitStop();
        } catch (Exception e) {
            LOG.error("Swapline did not start: {}", e.toString(), e);
            status = 1;
        }
        System.exit(status); // Gogo's console thread and bundle threads must not keep the JVM alive
    }

    /** The folder of the launcher jar (or of the classes folder when run from an IDE). */
    private static Path launcherHome() throws Exception {
        Path codeSource = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return codeSource.toAbsolutePath().getParent();
    }
}
