package io.swapline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

import io.swapline.api.Root;

/**
 * Guards the layering: core references nothing of {@code org.osgi} but the compile-time
 * annotations ({@code org.osgi.annotation.*}), so it runs as a plain library; the API
 * references nothing of Swapline outside {@code io.swapline.api}, and nothing else but the JDK
 * and those annotations. Every type a class file names counts: supertypes, fields, method
 * signatures and bodies, generic signatures, annotations, constants.
 */
class PackageLayeringTest {

    @Test
    void coreReferencesNoOsgiButTheAnnotations() {
        Map<String, Set<String>> references = referencesOfClassesAt(codeSourceOf(ClusteredObjectRuntime.class));

        assertTrue(references.containsKey("io/swapline/core/ClusteredObjectRuntime"), "core's classes were not found");
        assertTrue(references.get("io/swapline/core/package-info").contains("org/osgi/annotation/bundle/Export"),
                "the scan does not see annotations");
        assertEquals(Map.of(), violations(references,
                type -> type.startsWith("org/osgi/") && !type.startsWith("org/osgi/annotation/")));
    }

    @Test
    void apiReferencesNothingOfSwaplineOutsideTheApi() {
        Map<String, Set<String>> references = referencesOfClassesAt(codeSourceOf(Root.class));

        assertTrue(references.containsKey("io/swapline/api/Root"), "the API's classes were not found");
        assertEquals(Map.of(), violations(references,
                type -> type.startsWith("io/swapline/") && !type.startsWith("io/swapline/api/")));
    }

    @Test
    void apiReferencesNothingButTheJdkAndTheOsgiAnnotations() {
        Map<String, Set<String>> references = referencesOfClassesAt(codeSourceOf(Root.class));

        assertEquals(Map.of(), violations(references,
                type -> !(type.startsWith("java/") || type.startsWith("io/swapline/api/")
                        || type.startsWith("org/osgi/annotation/"))));
    }

    @Test
    void theScanSeesReferencesInMethodBodies() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "example/Sneaky", null, "java/lang/Object", null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "()V", null, null);
        method.visitCode();
        method.visitMethodInsn(Opcodes.INVOKESTATIC, "org/osgi/framework/FrameworkUtil", "getBundle",
                "(Ljava/lang/Class;)Lorg/osgi/framework/Bundle;", false);
        method.visitInsn(Opcodes.POP);
        method.visitInsn(Opcodes.RETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
        writer.visitEnd();

        Set<String> referenced = referencesOf(writer.toByteArray());

        assertTrue(referenced.contains("org/osgi/framework/FrameworkUtil"), referenced.toString());
        assertTrue(referenced.contains("org/osgi/framework/Bundle"), referenced.toString());
    }

    private static Map<String, Set<String>> violations(Map<String, Set<String>> references, Predicate<String> forbidden) {
        Map<String, Set<String>> result = new TreeMap<>();
        references.forEach((owner, types) -> {
            Set<String> bad = types.stream().filter(forbidden).collect(Collectors.toCollection(TreeSet::new));
            if (!bad.isEmpty()) {
                result.put(owner, bad);
            }
        });
        return result;
    }

    private static Path codeSourceOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Class name to the types it references, for every class in a folder or jar. */
    private static Map<String, Set<String>> referencesOfClassesAt(Path location) {
        Map<String, Set<String>> result = new TreeMap<>();
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                        add(result, Files.readAllBytes(file));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
                        if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                add(result, in.readAllBytes());
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    private static void add(Map<String, Set<String>> result, byte[] bytes) {
        result.put(new ClassReader(bytes).getClassName(), referencesOf(bytes));
    }

    private static Set<String> referencesOf(byte[] bytes) {
        Set<String> types = new TreeSet<>();
        Remapper collector = new Remapper() {
            @Override
            public String map(String internalName) {
                types.add(internalName);
                return internalName;
            }
        };
        // A writer as the delegate, so that the remapper is asked about method bodies too.
        new ClassReader(bytes).accept(new ClassRemapper(new ClassWriter(0), collector), 0);
        return types;
    }
}
