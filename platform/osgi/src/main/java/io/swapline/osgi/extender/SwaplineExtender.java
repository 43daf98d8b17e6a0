package io.swapline.osgi.extender;

import java.lang.management.ManagementFactory;
import java.util.Hashtable;

import org.osgi.annotation.bundle.Capability;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.swapline.api.SwappableImplementation;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.osgi.config.ConfigAdminTracker;
import io.swapline.osgi.config.ConfiguredSettings;
import io.swapline.osgi.holders.HolderResolverHook;
import io.swapline.osgi.holders.RevisionHolders;
import io.swapline.osgi.implementations.ImplementationAuthorisation;
import io.swapline.osgi.objects.PublishedObjects;
import io.swapline.osgi.settings.ReplacementTimeout;
import io.swapline.osgi.settings.SwapDeadlineSettings;
import io.swapline.osgi.shell.SwaplineCommands;

/**
 * The Swapline extender: owns the framework's one {@link ClusteredObjectRuntime}, publishes the
 * clustered objects that bundles contribute with {@link SwappableImplementation}, and turns an
 * update of an implementation bundle into a live swap.
 *
 * <p>A plain activator rather than a Declarative Services component: the extender must not
 * depend on SCR (implementation bundles need no DS), and the runtime's life is exactly the
 * bundle's. It provides the {@code osgi.extender} capability that implementation bundles require.
 *
 * <p>Settings come from framework properties, with Config Admin's configurations over them when a
 * Config Admin is there ({@link ConfiguredSettings}, {@link ConfigAdminTracker}); a change applies
 * live: the swap deadlines to the next swap, the replacement timeout to the next wait, an object's
 * authorisation and policy at once ({@link PublishedObjects#settingsChanged}).
 *
 * <p>{@link #start} and {@link #stop} run on the thread that starts or stops this bundle; all
 * later work runs on the threads that change implementation bundles (see {@link PublishedObjects}),
 * configuration changes on Config Admin's.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
@Capability(namespace = "osgi.extender", name = SwappableImplementation.EXTENDER, version = "0.1.0")
public final class SwaplineExtender implements BundleActivator {

    private static final Logger LOG = LoggerFactory.getLogger(SwaplineExtender.class);

    private ClusteredObjectRuntime runtime;
    private RevisionHolders holders;
    private PublishedObjects objects;
    private ImplementationTracker tracker;
    private ConfigAdminTracker configAdmin;

    /** Instantiated by the framework. */
    public SwaplineExtender() {
    }

    @Override
    public void start(BundleContext context) {
        ConfiguredSettings settings = new ConfiguredSettings(context::getProperty);
        ClusteredObjectRuntime runtime = new ClusteredObjectRuntime();
        this.runtime = runtime;
        runtime.setSwapDeadlines(SwapDeadlineSettings.from(settings));
        publishMBeans(runtime);
        HolderResolverHook holderResolverHook = new HolderResolverHook();
        context.registerService(ResolverHookFactory.class, holderResolverHook, null);
        holders = new RevisionHolders(context, holderResolverHook);
        holders.releaseLeftovers();
        PublishedObjects objects = new PublishedObjects(context, runtime, holders,
                new ImplementationAuthorisation(settings), settings, () -> ReplacementTimeout.from(settings));
        this.objects = objects;
        settings.listen(new ConfiguredSettings.Listener() {
            @Override
            public void platformChanged() {
                runtime.setSwapDeadlines(SwapDeadlineSettings.from(settings)); // for the next swap
            }

            @Override
            public void objectChanged(String objectName) {
                objects.settingsChanged(objectName);
            }
        });
        configAdmin = new ConfigAdminTracker(context, settings);
        configAdmin.open(); // before the bundles are tracked: configurations there already apply to new objects sooner
        tracker = new ImplementationTracker(context, objects);
        objects.deferCreation(); // bundles active before the extender: the most preferred creates each object
        tracker.open();
        objects.createDeferredObjects();
        Hashtable<String, Object> commandProperties = new Hashtable<>();
        commandProperties.put("osgi.command.scope", SwaplineCommands.SCOPE);
        commandProperties.put("osgi.command.function", SwaplineCommands.FUNCTIONS);
        context.registerService(SwaplineCommands.class, new SwaplineCommands(objects), commandProperties);
        LOG.info("Swapline extender started: {} slots", runtime.slotCount());
    }

    @Override
    public void stop(BundleContext context) {
        configAdmin.close(); // no configuration change from here on
        objects.closeAll(); // first: the tracker's close must not make objects wait for a replacement
        tracker.close();
        holders.close(); // after the holder releases queued by closeAll
        runtime.close();
        LOG.info("Swapline extender stopped");
    }

    /** One MXBean per clustered object in the platform MBean server, when the JVM has one (java.management). */
    private static void publishMBeans(ClusteredObjectRuntime runtime) {
        try {
            runtime.publishMBeans(ManagementFactory.getPlatformMBeanServer());
        } catch (LinkageError | SecurityException e) { // a runtime image without java.management, or a policy against it
            LOG.info("no platform MBean server, clustered objects are not published over JMX: {}", e.toString());
        }
    }
}
