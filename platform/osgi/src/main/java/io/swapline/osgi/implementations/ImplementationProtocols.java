package io.swapline.osgi.implementations;

import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

import io.swapline.api.Root;
import io.swapline.api.TransferProtocol;

/**
 * Describes the transfer protocols a root exports and imports, for {@code swapline:info}. A root
 * declares them on instances, and a root is made only to serve: so only a root that exists
 * anyway (the one serving an object) is described; the others' protocols are
 * {@linkplain #NOT_KNOWN not known until they serve}. Stateless; any thread.
 */
public final class ImplementationProtocols {

    /** What the shell shows for an implementation that has no root now. */
    public static final String NOT_KNOWN = "protocols not known until it serves";

    private ImplementationProtocols() {
    }

    /**
     * @param root a root that exists anyway, e.g. the one serving an object (never one made to be described)
     * @return e.g. {@code exports counter-adder-by-reference/1, counter-canonical-count/0 | imports ...},
     *     {@code stateless}, or why they are unknown (the root's own methods threw)
     */
    public static String describe(Root<?> root) {
        try {
            if (root.isStateless()) {
                return "stateless";
            }
            return "exports " + names(root.exportProtocols()) + " | imports " + names(root.importProtocols());
        } catch (RuntimeException e) { // the author's code: shown in the line, not hidden
            return "protocols unknown: " + Echo.exception(e);
        }
    }

    private static String names(Set<TransferProtocol<?>> protocols) {
        if (protocols.isEmpty()) {
            return "none";
        }
        return protocols.stream().sorted(Comparator.comparingInt((TransferProtocol<?> protocol) -> protocol.bit()).reversed())
                .map(protocol -> protocol.name() + "/" + protocol.bit()
                        + (protocol.scope() == TransferProtocol.Scope.REP ? " (per Rep)" : ""))
                .collect(Collectors.joining(", "));
    }
}
