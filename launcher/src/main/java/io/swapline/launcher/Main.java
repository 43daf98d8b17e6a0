package io.swapline.launcher;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the Swapline platform: Apache Felix from its cache, the jars of the bundle folder it
 * has not installed yet, and the Gogo shell on this console.
 *
 * <pre>
 * java [-Dname=value ...] -jar swapline-launcher.jar [--clean] [--cache &lt;folder&gt;] [&lt;bundle-folder&gt;]
 * </pre>
 *
 * The options, the cache kept between runs and the framework properties are described once,
 * for operators, in the project README ("Run", "Launcher options", which shows {@code --help}:
 * {@link LauncherArguments#USAGE}). How the bundles are installed and started: {@link Platform};
 * what the framework properties are made of: {@link LauncherSettings}.
 *
 * <p>Exit status: 0 when the framework stopped normally (Gogo stops it at the end of its
 * input, so {@code printf 'lb\n' | java -jar swapline-launcher.jar} lists the bundles and
 * exits) and after {@code --help}; 1 when it failed to start or stopped with an error; 2 on a
 * usage error, reported in one line.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    /**
     * Starts the platform and waits until the framework stops.
     *
     * @param args the options and an optional bundle folder ({@link LauncherArguments#USAGE})
     */
    public static void main(String[] args) {
        LauncherArguments arguments;
        try {
            arguments = LauncherArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("swapline-launcher: " + e.getMessage() + " (--help lists the options)");
            System.exit(2);
            return;
        }
        if (arguments.help()) {
            System.out.println(LauncherArguments.USAGE);
            return;
        }
        int status;
        try {
            LauncherSettings settings = LauncherSettings.from(System.getProperties(), launcherHome(), arguments);
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
