package io.swapline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.osgi.FileResource;
import aQute.bnd.osgi.Instructions;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import aQute.bnd.service.diff.Delta;
import aQute.bnd.version.Version;

/**
 * Guards what the build's baselining (cnf/README.md) relies on: bnd rates a change to the released
 * API by the role each type declares. Each test compiles one changed source file of this module
 * against the release in cnf/release, puts it into a copy of the release jar, and baselines that
 * copy against the release, as {@code mvn verify} does with the built bundle. Fails if a role
 * annotation is lost or the release no longer carries it: e.g. ClusteredObject without
 * {@code @ProviderType} would make an added method a major change.
 */
class ApiBaselineRolesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final File RELEASE = new File(System.getProperty("swapline.release.jar", "missing"));

    @TempDir
    Path classes;

    @Test
    void removingAMethodFromAnInterfaceIsMajor() throws Exception {
        Baseline.Info api = baseline("io/swapline/api/ClusteredObject.java", "    boolean isLive();\n", "");
        assertEquals(Delta.MAJOR, api.packageDiff.getDelta(), api.reason);
        assertEquals(new Version(api.olderVersion.getMajor() + 1, 0, 0), api.suggestedVersion);
    }

    @Test
    void addingAMethodToAProviderTypeIsMinor() throws Exception {
        Baseline.Info api = baseline("io/swapline/api/ClusteredObject.java", "    boolean isLive();\n",
                "    boolean isLive();\n    int added();\n");
        assertEquals(Delta.MINOR, api.packageDiff.getDelta(), api.reason);
        assertEquals(new Version(api.olderVersion.getMajor(), api.olderVersion.getMinor() + 1, 0),
                api.suggestedVersion);
    }

    @Test
    void addingAMethodToAConsumerTypeIsMajor() throws Exception {
        Baseline.Info autonomic = baseline("io/swapline/api/autonomic/WorkloadSignals.java",
                "    Signals sampleSignals();\n", "    Signals sampleSignals();\n    int added();\n");
        assertEquals(Delta.MAJOR, autonomic.packageDiff.getDelta(), autonomic.reason);
    }

    /**
     * Baselines the release with one source file changed.
     *
     * @param source the file, relative to src/main/java
     * @param from text it contains
     * @param to what replaces that text
     * @return bnd's verdict on the file's package
     */
    private Baseline.Info baseline(String source, String from, String to) throws Exception {
        assertTrue(RELEASE.isFile(), "no release jar at " + RELEASE + " (system property swapline.release.jar)");
        String text = Files.readString(SOURCES.resolve(source));
        assertTrue(text.contains(from), source + " no longer contains '" + from.strip() + "'");
        Path changed = classes.resolve("src").resolve(source);
        Files.createDirectories(changed.getParent());
        Files.writeString(changed, text.replace(from, to));
        compile(changed);

        String className = source.replace(".java", ".class");
        String packageName = source.substring(0, source.lastIndexOf('/')).replace('/', '.');
        try (Processor processor = new Processor();
                Jar older = new Jar(RELEASE);
                Jar newer = new Jar(RELEASE)) {
            newer.putResource(className, new FileResource(classes.resolve(className)));
            return new Baseline(processor, new DiffPluginImpl())
                    .baseline(newer, older, new Instructions("*")).stream()
                    .filter(info -> info.packageName.equals(packageName))
                    .findFirst().orElseThrow();
        }
    }

    private void compile(Path source) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        // surefire runs tests from a manifest-only jar; this property holds the real test class path
        String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String classPath = RELEASE + File.pathSeparator + testClassPath;
        int status = javac.run(null, null, null, "--release", "17", "-proc:none", "-nowarn", "-cp", classPath,
                "-d", classes.toString(), source.toString());
        assertEquals(0, status, "could not compile " + source);
    }
}
