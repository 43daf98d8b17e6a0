package io.swapline.osgi.holders;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Makes each holder bundle resolve to exactly the revision it must hold.
 *
 * <p>A holder's {@code Require-Bundle: <bsn>;bundle-version="[v,v]"} names a version, not a
 * revision. After an update to a jar of the same version (Gogo {@code update <id>} without a URL)
 * two revisions match: the removal-pending old one and the current one, and Felix 7.0.5 was
 * observed to wire a new holder to the old one. This hook removes every other candidate from a
 * holder's bundle requirement. It runs on the thread that resolves (the extender's, inside
 * {@link RevisionHolders#hold}).
 */
public final class HolderResolverHook implements ResolverHookFactory, ResolverHook {

    /** Holder symbolic name → the revision it holds; entries exist from install to release. */
    private final Map<String, BundleRevision> targets = new ConcurrentHashMap<>();

    void expect(String holderSymbolicName, BundleRevision revision) {
        targets.put(holderSymbolicName, revision);
    }

    void forget(String holderSymbolicName) {
        targets.remove(holderSymbolicName);
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return this;
    }

    @Override
    public void filterResolvable(Collection<BundleRevision> candidates) {
        // every bundle may resolve
    }

    @Override
    public void filterSingletonCollisions(BundleCapability singleton, Collection<BundleCapability> collisions) {
        // no opinion on singletons
    }

    @Override
    public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
        if (!BundleNamespace.BUNDLE_NAMESPACE.equals(requirement.getNamespace())) {
            return;
        }
        BundleRevision target = targets.get(requirement.getRevision().getSymbolicName());
        if (target != null) {
            candidates.removeIf(candidate -> !candidate.getRevision().equals(target));
        }
    }

    @Override
    public void end() {
        // stateless per resolve
    }
}
