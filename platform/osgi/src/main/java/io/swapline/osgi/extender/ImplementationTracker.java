package io.swapline.osgi.extender;

import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.swapline.osgi.implementations.ImplementationDeclaration;
import io.swapline.osgi.objects.PublishedObjects;

/**
 * Watches bundles become and stop being ACTIVE and hands the implementations their current
 * revision declares to {@link PublishedObjects}.
 *
 * <p>A {@link BundleTracker} listens synchronously: {@link #addingBundle} runs on the thread that
 * started the bundle (for {@code Bundle.update}: the updating thread, after the new revision's
 * STARTED event), and {@link #removedBundle} on the thread that stops it (for an update: at
 * STOPPING, before the new revision is installed). Bundles already active when the tracker
 * opens are added on the opening thread.
 */
public final class ImplementationTracker extends BundleTracker<BundleRevision> {

    private static final Logger LOG = LoggerFactory.getLogger(ImplementationTracker.class);

    private final PublishedObjects objects;

    ImplementationTracker(BundleContext context, PublishedObjects objects) {
        super(context, Bundle.ACTIVE, null);
        this.objects = objects;
    }

    @Override
    public BundleRevision addingBundle(Bundle bundle, BundleEvent event) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        List<ImplementationDeclaration> declarations;
        try {
            declarations = ImplementationDeclaration.declaredBy(revision);
        } catch (IllegalArgumentException e) {
            LOG.warn("ignoring the implementations of {}: {}", bundle, e.getMessage());
            return null;
        }
        if (declarations.isEmpty()) {
            objects.revisionStarted(bundle, declarations); // an update may have dropped an object it served
            return null; // not tracked: nothing to do when it stops
        }
        for (ImplementationDeclaration declaration : declarations) {
            try {
                objects.implementationStarted(declaration);
            } catch (RuntimeException e) { // one broken implementation must not stop the others or the framework
                LOG.warn("cannot publish '{}' from {}", declaration.objectName(), declaration.bundleLabel(), e);
            }
        }
        objects.revisionStarted(bundle, declarations);
        return revision;
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, BundleRevision revision) {
        objects.implementationStopped(bundle, BundleUpdates.isUpdateInProgress(bundle));
    }
}
