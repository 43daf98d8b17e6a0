package io.swapline.itests;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Records bundle and service events in the order the framework delivers them (bundle events
 * synchronously, on the thread that changes the bundle), as short lines such as
 * {@code "bundle io.swapline.examples.counter.shared STOPPING"}.
 */
final class EventLog implements SynchronousBundleListener, ServiceListener, AutoCloseable {

    private final BundleContext context;
    private final List<String> lines = new ArrayList<>();

    private EventLog(BundleContext context) {
        this.context = context;
    }

    static EventLog open(BundleContext context) {
        EventLog log = new EventLog(context);
        context.addBundleListener(log);
        context.addServiceListener(log);
        return log;
    }

    @Override
    public synchronized void bundleChanged(BundleEvent event) {
        Bundle bundle = event.getBundle();
        lines.add("bundle " + bundle.getSymbolicName() + " " + bundleEventName(event.getType()));
    }

    @Override
    public synchronized void serviceChanged(ServiceEvent event) {
        String[] classes = (String[]) event.getServiceReference().getProperty(Constants.OBJECTCLASS);
        lines.add("service " + String.join(",", classes) + " id "
                + event.getServiceReference().getProperty(Constants.SERVICE_ID) + " " + serviceEventName(event.getType()));
    }

    /** @return the events so far */
    synchronized List<String> lines() {
        return new ArrayList<>(lines);
    }

    /** @return the events so far that contain {@code text} */
    synchronized List<String> matching(String text) {
        return lines.stream().filter(line -> line.contains(text)).toList();
    }

    @Override
    public void close() {
        context.removeBundleListener(this);
        context.removeServiceListener(this);
    }

    private static String bundleEventName(int type) {
        return switch (type) {
            case BundleEvent.INSTALLED -> "INSTALLED";
            case BundleEvent.RESOLVED -> "RESOLVED";
            case BundleEvent.LAZY_ACTIVATION -> "LAZY_ACTIVATION";
            case BundleEvent.STARTING -> "STARTING";
            case BundleEvent.STARTED -> "STARTED";
            case BundleEvent.STOPPING -> "STOPPING";
            case BundleEvent.STOPPED -> "STOPPED";
            case BundleEvent.UPDATED -> "UPDATED";
            case BundleEvent.UNRESOLVED -> "UNRESOLVED";
            case BundleEvent.UNINSTALLED -> "UNINSTALLED";
            default -> "type " + type;
        };
    }

    private static String serviceEventName(int type) {
        return switch (type) {
            case ServiceEvent.REGISTERED -> "REGISTERED";
            case ServiceEvent.MODIFIED -> "MODIFIED";
            case ServiceEvent.UNREGISTERING -> "UNREGISTERING";
            case ServiceEvent.MODIFIED_ENDMATCH -> "MODIFIED_ENDMATCH";
            default -> "type " + type;
        };
    }
}
