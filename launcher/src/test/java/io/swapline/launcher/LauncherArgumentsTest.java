package io.swapline.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class LauncherArgumentsTest {

    @Test
    void optionsAndTheBundleFolderInAnyOrder() {
        LauncherArguments arguments = LauncherArguments.parse("/srv/bundles", "--cache", "/srv/cache", "--clean");

        assertEquals(Path.of("/srv/bundles"), arguments.bundleFolder());
        assertEquals(Path.of("/srv/cache"), arguments.cacheFolder());
        assertTrue(arguments.clean());
        assertFalse(arguments.help());
    }

    @Test
    void noArgumentsMeansTheDefaults() {
        assertEquals(new LauncherArguments(null, null, false, false), LauncherArguments.parse());
    }

    @Test
    void aUsageErrorIsOneLineNamingWhatIsWrong() {
        assertMessage("unknown option --bogus", "--bogus");
        assertMessage("unknown option -Dswapline.policy.counter=disabled (a -D property goes before -jar)",
                "-Dswapline.policy.counter=disabled");
        assertMessage("--cache needs a folder", "--cache");
        assertMessage("--cache needs a folder", "--cache", "--clean");
        assertMessage("one bundle folder only, got a and b", "a", "b");
    }

    @Test
    void theUsageNamesEveryOption() {
        for (String option : new String[] {"<bundle-folder>", "--cache <folder>", "--clean", "-Dname=value", "--help"}) {
            assertTrue(LauncherArguments.USAGE.contains("  " + option), option);
        }
    }

    @Test
    void theReadmeShowsTheUsageAsHelpPrintsIt() throws IOException {
        String readme = Files.readString(Path.of("../README.md")); // surefire runs in the module's folder
        assertTrue(readme.contains("$ java -jar launcher/target/swapline-launcher.jar --help\n" + LauncherArguments.USAGE + "\n```"),
                "README.md's 'Launcher options' differ from LauncherArguments.USAGE");
    }

    private static void assertMessage(String expected, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LauncherArguments.parse(args));
        assertEquals(expected, e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
