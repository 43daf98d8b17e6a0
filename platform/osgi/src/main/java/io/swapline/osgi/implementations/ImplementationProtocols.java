package io.swapline.osgi.implementations;

import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

import io.swapline.api.Root;
import io.swapline.api.TransferProtocol;

/**
 * Describes the transfer protocols an implementation exports and imports, for
 * {@code swapline:info}. A root declares them on instances, so a fresh root is made from the
 * declaring revision and dropped (it is never attached to an object). Runs on the shell's thread.
 */
public final class ImplementationProtocols {

    private ImplementationProtocols() {
    }

    /**
     * @param implementation a declaration whose revision can still load classes
     * @return e.g. {@code exports counter-adder-by-reference/1, counter-canonical-count/0 | imports ...},
     *     or why they are unknown
     */
    public static String describe(ImplementationDeclaration implementation) {
        Root<?> root;
        try {
            Class<?> rootClass = implementation.wiring().getClassLoader().loadClass(implementation.className());
            root = (Root<?>) rootClass.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) { // shown in the line, not hidden
            return "protocols unknown: " + e;
        }
        if (root.isStateless()) {
            return "stateless";
        }
        return "exports " + names(root.exportProtocols()) + " | imports " + names(root.importProtocols());
    }

    private static String names(Set<TransferProtocol<?>> protocols) {
        if (protocols.isEmpty()) {
            return "none";
        }
        return protocols.stream().sorted(Comparator.comparingInt((TransferProtocol<?> protocol) -> protocol.bit()).reversed())
                .map(protocol -> protocol.name() + "/" + protocol.bit() + (protocol.isPerRep() ? " (per Rep)" : ""))
                .collect(Collectors.joining(", "));
    }
}
