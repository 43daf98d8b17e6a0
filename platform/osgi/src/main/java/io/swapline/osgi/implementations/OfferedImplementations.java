package io.swapline.osgi.implementations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;


/**
 * The implementations that ACTIVE bundles offer for one object name, in order of preference:
 * higher {@linkplain ImplementationDeclaration#ranking() ranking} first, then lower bundle id
 * (the bundle installed first, as OSGi breaks service ranking ties).
 *
 * <p>One entry per bundle and root class: a new revision of a bundle (update, refresh) replaces
 * the entry of its previous revision. Not thread-safe: {@code PublishedObjects} guards it.
 */
public final class OfferedImplementations {

    /** Higher ranking first, then lower bundle id, then class name (a bundle may offer two roots). */
    static final Comparator<ImplementationDeclaration> PREFERENCE = Comparator
            .comparingLong(ImplementationDeclaration::ranking).reversed()
            .thenComparingLong(ImplementationDeclaration::bundleId)
            .thenComparing(ImplementationDeclaration::className);

    private final List<ImplementationDeclaration> offered = new ArrayList<>();

    /**
     * Adds an implementation, replacing the one the same bundle offered with the same class.
     *
     * @param declaration from a bundle's current, ACTIVE revision
     */
    public void offer(ImplementationDeclaration declaration) {
        offered.removeIf(existing -> existing.sameBundleAndClass(declaration));
        offered.add(declaration);
        offered.sort(PREFERENCE);
    }

    /**
     * Removes every implementation a bundle offered (it stopped, or is being updated).
     *
     * @param bundleId the bundle
     * @return whether it offered any
     */
    public boolean withdraw(long bundleId) {
        return offered.removeIf(existing -> existing.bundleId() == bundleId);
    }

    /** @return the offered implementations, most preferred first */
    public List<ImplementationDeclaration> all() {
        return List.copyOf(offered);
    }

    /**
     * The most preferred implementation that passes {@code filter}.
     *
     * @param filter e.g. "allowed and not the one serving now"
     * @return the implementation, or empty
     */
    public Optional<ImplementationDeclaration> best(Predicate<ImplementationDeclaration> filter) {
        return offered.stream().filter(filter).findFirst();
    }

    /**
     * The implementations a shell argument names: a bundle id, a bundle symbolic name, a root
     * class name or its simple name.
     *
     * @param spec what the operator typed
     * @return the matches, most preferred first; several means the argument is ambiguous
     */
    public List<ImplementationDeclaration> matching(String spec) {
        List<ImplementationDeclaration> matches = new ArrayList<>();
        for (ImplementationDeclaration candidate : offered) {
            if (spec.equals(Long.toString(candidate.bundleId())) || spec.equals(candidate.symbolicName())
                    || spec.equals(candidate.className()) || spec.equals(simpleName(candidate.className()))) {
                matches.add(candidate);
            }
        }
        return matches;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
