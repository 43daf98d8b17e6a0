package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * Every test class of this module is bounded (STYLE.md, convention 9): each {@code *IT} class
 * extends {@link Bounded}, whose {@link Watchdog} fails a hung method with a thread dump. Guards
 * against a new suite that forgets it — before, a deadlock in any of them hung the build. A plain
 * JUnit test (no framework), run by failsafe beside the Pax Exam suites.
 */
public class EveryIntegrationTestIsBoundedIT extends Bounded {

    @Test
    public void everyIntegrationTestClassExtendsBounded() throws Exception {
        Path classes = Path.of(Bounded.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.map(file -> classes.relativize(file).toString())
                    .filter(file -> file.endsWith("IT.class") && !file.contains("$"))
                    .map(file -> file.substring(0, file.length() - ".class".length()).replace(File.separatorChar, '.'))
                    .sorted()
                    .toList();
        }
        assertTrue("found the suites in " + classes + ": " + names, names.contains(UpdateUnderLoadIT.class.getName()));
        List<String> unbounded = names.stream().filter(name -> {
            try {
                Class<?> type = Class.forName(name, false, Bounded.class.getClassLoader());
                return !Modifier.isAbstract(type.getModifiers()) && !Bounded.class.isAssignableFrom(type);
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertEquals("integration test classes that do not extend Bounded (no timeout)", List.of(), unbounded);
    }
}
