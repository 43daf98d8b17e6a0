package io.swapline.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Guards the extender's layering: each package names only the packages below it.
 *
 * <pre>
 * extender        the activator and the bundle tracker: wires everything, routes bundle events
 *   config        Config Admin's configurations over the framework properties, their metatype
 *   shell         the swapline:* commands
 *     objects     each object's lifecycle: creation, swaps, waiting, hand-over, publication
 *       policy    the autonomic policies of the objects
 *         implementations, holders, settings   what bundles declare, revision holders, properties
 * </pre>
 *
 * Read from the sources: a reference to another of our packages is an import or a fully
 * qualified name, both of which contain {@code io.swapline.osgi.<package>.}.
 */
class PackageLayeringTest {

    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "extender", Set.of("config", "shell", "objects", "policy", "implementations", "holders", "settings"),
            "config", Set.of("settings"),
            "shell", Set.of("objects", "policy", "implementations"),
            "objects", Set.of("policy", "implementations", "holders", "settings"),
            "policy", Set.of("implementations", "settings"),
            "implementations", Set.of(),
            "holders", Set.of(),
            "settings", Set.of());

    private static final Path SOURCES = Path.of("src/main/java/io/swapline/osgi");
    private static final Pattern REFERENCE = Pattern.compile("io\\.swapline\\.osgi\\.([a-z]+)\\.");

    @Test
    void everyPackageReferencesOnlyThePackagesBelowIt() {
        Map<String, Set<String>> references = references();

        assertEquals(ALLOWED.keySet(), references.keySet(), "the packages are the ones the layering names");
        assertTrue(references.get("extender").contains("objects"), "the scan does not see imports");
        Map<String, Set<String>> violations = new TreeMap<>();
        references.forEach((from, to) -> {
            Set<String> bad = new TreeSet<>(to);
            bad.removeAll(ALLOWED.get(from));
            bad.remove(from);
            if (!bad.isEmpty()) {
                violations.put(from, bad);
            }
        });
        assertEquals(Map.of(), violations);
    }

    /** Package to the packages of ours its sources name. */
    private static Map<String, Set<String>> references() {
        Map<String, Set<String>> result = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String from = SOURCES.relativize(file).getName(0).toString();
                Set<String> to = result.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher matcher = REFERENCE.matcher(Files.readString(file));
                while (matcher.find()) {
                    to.add(matcher.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }
}
