package io.swapline.launcher;

import java.nio.file.Path;

/**
 * The launcher's command line.
 *
 * @param bundleFolder the bundle folder argument, or null
 * @param cacheFolder the {@code --cache} folder, or null
 * @param clean whether {@code --clean} was given: empty the cache first
 * @param help whether {@code --help} was given: print {@link #USAGE} and exit
 */
record LauncherArguments(Path bundleFolder, Path cacheFolder, boolean clean, boolean help) {

    /** What {@code --help} prints; the README's "Run" section shows it. */
    static final String USAGE = """
            usage: java [-Dname=value ...] -jar swapline-launcher.jar [--clean] [--cache <folder>] [<bundle-folder>]
            Starts Apache Felix with the bundles of the cache, then of the bundle folder, and the Gogo shell.
              <bundle-folder>   jars to install; default: bundles beside the jar (or -Dswapline.bundles=...)
              --cache <folder>  the framework cache, kept between runs; default: felix-cache beside the jar
                                (or -Dorg.osgi.framework.storage=...)
              --clean           empty the cache first: run the bundle folder's jars alone
              -Dname=value      a framework property, over framework.properties in the jar
                                (e.g. -Dswapline.policy.counter=disabled)
              --help            print this and exit
            A later run starts what the cache holds (bundles updated, stopped or uninstalled in the shell
            stay so) and installs only the jars added to the bundle folder since.""";

    /**
     * Parses the command line.
     *
     * @param args the arguments of {@code main}
     * @return the arguments
     * @throws IllegalArgumentException with a one-line message naming what is wrong
     */
    static LauncherArguments parse(String... args) {
        Path bundleFolder = null;
        Path cacheFolder = null;
        boolean clean = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--clean" -> clean = true;
                case "--cache" -> {
                    if (i + 1 == args.length || args[i + 1].startsWith("-")) {
                        throw new IllegalArgumentException("--cache needs a folder");
                    }
                    cacheFolder = Path.of(args[++i]);
                }
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + arg
                                + (arg.startsWith("-D") ? " (a -D property goes before -jar)" : ""));
                    }
                    if (bundleFolder != null) {
                        throw new IllegalArgumentException("one bundle folder only, got " + bundleFolder + " and " + arg);
                    }
                    bundleFolder = Path.of(arg);
                }
            }
        }
        return new LauncherArguments(bundleFolder, cacheFolder, clean, help);
    }
}
