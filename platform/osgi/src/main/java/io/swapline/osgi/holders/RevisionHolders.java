package io.swapline.osgi.holders;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a bundle revision's class loader valid for as long as a live object runs its code.
 *
 * <p>Felix refreshes an updated bundle at once when no other bundle is wired to its old
 * revision, which invalidates the old class loader while the old object is still serving (its
 * next load of a class it has not loaded yet fails). A <em>holder</em> is a tiny bundle, built
 * here in memory, whose only header is {@code Require-Bundle: <bsn>;bundle-version="[v,v]"}:
 * while it is installed, the revision it is wired to stays alive (after an update: "removal
 * pending"). The extender holds the revision of every active implementation and releases the
 * old one after a swap.
 *
 * <p>Releasing does not refresh: the old revision stays removal pending until the next refresh
 * of its bundle (or of all pending removals), which Swapline never starts itself because a
 * refresh also stops and restarts the bundle's current revision. A {@link HolderResolverHook}
 * wires each holder to exactly its revision, even when a removal-pending revision has the same
 * version.
 *
 * <p>Holders are resolved, never started (they show as Resolved in {@code lb}): a started holder
 * would be restarted by a refresh of the held bundle, after the extender may already have
 * uninstalled it (a FrameworkEvent ERROR).
 */
public final class RevisionHolders {

    /** Holders are installed with locations under this prefix, so leftovers can be found. */
    static final String LOCATION_PREFIX = "swapline-holder:";

    private static final Logger LOG = LoggerFactory.getLogger(RevisionHolders.class);

    private final BundleContext context;
    private final HolderResolverHook resolverHook;
    private final AtomicLong sequence = new AtomicLong();

    public RevisionHolders(BundleContext context, HolderResolverHook resolverHook) {
        this.context = context;
        this.resolverHook = resolverHook;
    }

    /**
     * Installs and resolves a holder wired to {@code revision}.
     *
     * @param revision the revision to keep alive; the current revision of its bundle
     * @return the holder bundle
     * @throws BundleException if the holder cannot be installed or resolved
     */
    public Bundle hold(BundleRevision revision) throws BundleException {
        long n = sequence.incrementAndGet();
        String holderName = "io.swapline.holder." + revision.getSymbolicName() + "." + n;
        String held = revision.getSymbolicName() + ";bundle-version=\"[" + revision.getVersion() + ","
                + revision.getVersion() + "]\"";
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, holderName);
        main.putValue(Constants.BUNDLE_NAME, "Swapline holder of " + revision.getSymbolicName() + " "
                + revision.getVersion());
        main.putValue(Constants.REQUIRE_BUNDLE, held);
        resolverHook.expect(holderName, revision);
        Bundle holder;
        try {
            holder = context.installBundle(LOCATION_PREFIX + revision.getSymbolicName() + "/" + revision.getVersion()
                    + "/" + n, new ByteArrayInputStream(jar(manifest)));
        } catch (BundleException | RuntimeException e) {
            resolverHook.forget(holderName);
            throw e;
        }
        if (!context.getBundle(Constants.SYSTEM_BUNDLE_ID).adapt(FrameworkWiring.class)
                .resolveBundles(List.of(holder))) {
            uninstallQuietly(holder);
            throw new BundleException("the holder of " + revision.getSymbolicName() + " " + revision.getVersion()
                    + " does not resolve", BundleException.RESOLVE_ERROR);
        }
        List<BundleWire> wires = holder.adapt(BundleWiring.class).getRequiredWires(BundleNamespace.BUNDLE_NAMESPACE);
        if (wires.size() != 1 || !wires.get(0).getProvider().equals(revision)) { // HolderResolverHook should prevent it
            uninstallQuietly(holder);
            throw new BundleException("the holder of " + revision.getSymbolicName() + " " + revision.getVersion()
                    + " is wired to " + wires + ", not to the revision to hold", BundleException.RESOLVE_ERROR);
        }
        LOG.debug("holder {} keeps {} {} loadable", holder.getBundleId(), revision.getSymbolicName(),
                revision.getVersion());
        return holder;
    }

    /**
     * Uninstalls a holder. The revision it held stays removal pending until its bundle is next
     * refreshed.
     *
     * @param holder a bundle from {@link #hold}
     * @return false if Felix refused to uninstall it now (try again later); true once it is gone
     */
    public boolean release(Bundle holder) {
        return uninstallQuietly(holder);
    }

    /** Uninstalls holders a previous run of the extender left installed (a persistent cache). */
    public void releaseLeftovers() {
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(LOCATION_PREFIX)) {
                LOG.debug("uninstalling leftover holder {}", bundle.getLocation());
                uninstallQuietly(bundle);
            }
        }
    }

    private boolean uninstallQuietly(Bundle holder) {
        if (holder.getState() == Bundle.UNINSTALLED) {
            resolverHook.forget(holder.getSymbolicName());
            return true;
        }
        try {
            holder.uninstall();
            resolverHook.forget(holder.getSymbolicName());
            return true;
        } catch (BundleException | IllegalStateException e) { // Felix's global lock refused (a refresh), or the framework stops
            LOG.debug("could not uninstall holder {} now: {}", holder, e.toString());
            return holder.getState() == Bundle.UNINSTALLED;
        }
    }

    private static byte[] jar(Manifest manifest) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build a holder bundle in memory", e);
        }
        return bytes.toByteArray();
    }
}
