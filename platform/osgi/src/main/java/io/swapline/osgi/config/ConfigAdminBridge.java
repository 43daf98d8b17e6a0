package io.swapline.osgi.config;

import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ManagedService;
import org.osgi.service.cm.ManagedServiceFactory;

/**
 * The only class that uses {@code org.osgi.service.cm} (imported optionally): a
 * {@link ManagedService} for {@value PlatformConfiguration#PID} and a {@link ManagedServiceFactory}
 * for {@value ObjectConfiguration#FACTORY_PID}, handing every configuration to
 * {@link ConfiguredSettings}. Loaded only by {@link ConfigAdminTracker} once a Config Admin
 * service is there and the package is wired to the extender.
 *
 * <p>Config Admin calls {@code updated}/{@code deleted} on its own thread, one at a time; invalid
 * values are rejected there, so nothing is thrown back (a {@code ConfigurationException} would
 * only be logged by Config Admin, without keeping the previous value).
 */
final class ConfigAdminBridge implements AutoCloseable {

    private final ServiceRegistration<ManagedService> platform;
    private final ServiceRegistration<ManagedServiceFactory> objects;

    private ConfigAdminBridge(BundleContext context, ConfiguredSettings settings) {
        platform = context.registerService(ManagedService.class,
                properties -> settings.updated(PlatformConfiguration.PID, false, properties),
                pid(PlatformConfiguration.PID));
        objects = context.registerService(ManagedServiceFactory.class, new ManagedServiceFactory() {
            @Override
            public String getName() {
                return "Swapline object settings";
            }

            @Override
            public void updated(String pid, Dictionary<String, ?> properties) {
                settings.updated(pid, true, properties);
            }

            @Override
            public void deleted(String pid) {
                settings.deleted(pid);
            }
        }, pid(ObjectConfiguration.FACTORY_PID));
    }

    /**
     * Registers both services.
     *
     * @param context the extender's context
     * @param settings where the configurations go
     * @return what unregisters them
     */
    static AutoCloseable register(BundleContext context, ConfiguredSettings settings) {
        return new ConfigAdminBridge(context, settings);
    }

    @Override
    public void close() {
        unregister(platform);
        unregister(objects);
    }

    private static Dictionary<String, Object> pid(String pid) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_PID, pid);
        return properties;
    }

    private static void unregister(ServiceRegistration<?> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException e) { // already unregistered: the extender is stopping
            // nothing left to do
        }
    }
}
