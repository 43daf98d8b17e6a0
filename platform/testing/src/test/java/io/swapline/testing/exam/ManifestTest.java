package io.swapline.testing.exam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

/**
 * The bundle imports Pax Exam optionally: a framework resolves the test kit (the swap tester)
 * without Exam. Reads the manifest bnd wrote into the classes folder.
 */
class ManifestTest {

    @Test
    void paxExamImportsAreOptional() throws IOException {
        List<String> examImports = imports().stream().filter(clause -> clause.startsWith("org.ops4j.pax.exam")).toList();

        assertFalse(examImports.isEmpty(), "the exam package imports Pax Exam");
        assertEquals(List.of(), examImports.stream().filter(clause -> !clause.contains("resolution:=optional")).toList());
    }

    private static List<String> imports() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("target/classes/META-INF/MANIFEST.MF"))) {
            return clauses(new Manifest(in).getMainAttributes().getValue("Import-Package"));
        }
    }

    /** Splits a header at the commas outside quotes. */
    private static List<String> clauses(String header) {
        List<String> clauses = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                clauses.add(header.substring(start, i));
                start = i + 1;
            }
        }
        clauses.add(header.substring(start));
        return clauses;
    }
}
