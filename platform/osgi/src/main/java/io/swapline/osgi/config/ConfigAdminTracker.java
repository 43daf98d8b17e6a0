package io.swapline.osgi.config;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects {@link ConfiguredSettings} to Config Admin while one is there: when the first
 * {@code ConfigurationAdmin} service appears (before or after the extender started: the tracker
 * sees the ones already registered when it opens), it registers the {@link ConfigAdminBridge}'s
 * managed services, and Config Admin delivers the configurations to them; when the last one goes,
 * it unregisters them and the values last configured stay in force. Without Config Admin, nothing
 * is registered and the framework properties apply.
 *
 * <p>The service is tracked by class name, so this class loads nothing of
 * {@code org.osgi.service.cm}; if the extender was resolved without that package (Config Admin
 * installed after it), one WARN says to refresh the extender, and the framework properties apply.
 * Tracker callbacks run on the thread that registers or unregisters Config Admin; they are
 * serialised by this object's monitor.
 */
public final class ConfigAdminTracker extends ServiceTracker<Object, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigAdminTracker.class);
    private static final String CONFIGURATION_ADMIN = "org.osgi.service.cm.ConfigurationAdmin";

    private final ConfiguredSettings settings;
    /** Guarded by this. */
    private int services;
    /** Guarded by this: the managed services while registered. */
    private AutoCloseable bridge;

    /**
     * @param context the extender's context
     * @param settings where the configurations go
     */
    public ConfigAdminTracker(BundleContext context, ConfiguredSettings settings) {
        super(context, CONFIGURATION_ADMIN, null);
        this.settings = settings;
    }

    @Override
    public synchronized Object addingService(ServiceReference<Object> reference) {
        services++;
        if (bridge == null) {
            try {
                bridge = ConfigAdminBridge.register(context, settings);
                LOG.info("Config Admin found: the settings are read from {} and {}~<object>",
                        PlatformConfiguration.PID, ObjectConfiguration.FACTORY_PID);
            } catch (LinkageError e) { // org.osgi.service.cm not wired to this bundle
                LOG.warn("Config Admin is there but the extender was resolved without org.osgi.service.cm ({}):"
                        + " refresh the extender bundle to read its settings from Config Admin; framework properties"
                        + " apply", e.toString());
            }
        }
        return reference;
    }

    @Override
    public synchronized void removedService(ServiceReference<Object> reference, Object service) {
        services--;
        if (services == 0 && bridge != null) {
            close(bridge);
            bridge = null;
            LOG.info("Config Admin gone: the settings last configured stay in force");
        }
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) { // ConfigAdminBridge.close throws nothing; keep the extender going
            LOG.warn("could not unregister the configuration services: {}", e.toString());
        }
    }
}
