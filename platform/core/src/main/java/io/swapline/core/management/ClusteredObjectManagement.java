package io.swapline.core.management;

import java.util.List;

import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanRegistrationException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.NotCompliantMBeanException;
import javax.management.ObjectName;

import io.swapline.api.ClusteredObject;
import io.swapline.api.RepFailure;
import io.swapline.api.SwapRecord;

/**
 * Registers one {@link ClusteredObjectMXBean} per live clustered object in an MBean server, and
 * unregisters it when the object is destroyed. The runtime calls it; it reads the object's
 * state on demand, so nothing is copied on the call path or at a swap.
 */
public final class ClusteredObjectManagement {

    private static final System.Logger LOG = System.getLogger(ClusteredObjectManagement.class.getName());

    private final MBeanServer server;

    /**
     * Management in the given server.
     *
     * @param server usually {@code ManagementFactory.getPlatformMBeanServer()}
     */
    public ClusteredObjectManagement(MBeanServer server) {
        this.server = server;
    }

    /**
     * The name an object's MXBean is registered under.
     *
     * @param objectName the clustered object's name
     * @return {@code io.swapline:type=ClusteredObject,name=<quoted name>}
     */
    public static ObjectName nameOf(String objectName) {
        try {
            return new ObjectName("io.swapline:type=ClusteredObject,name=" + ObjectName.quote(objectName));
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("no MBean name for '" + objectName + "'", e);
        }
    }

    /**
     * Registers the MXBean of a new object. A failure is logged: management never stops an
     * object from being created.
     *
     * @param object the object
     */
    public void register(ClusteredObject<?> object) {
        try {
            server.registerMBean(new View(object), nameOf(object.name()));
        } catch (InstanceAlreadyExistsException | MBeanRegistrationException | NotCompliantMBeanException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot register the MBean of clustered object '" + object.name() + "'", e);
        }
    }

    /**
     * Unregisters the MXBean of a destroyed object.
     *
     * @param objectName the object's name
     */
    public void unregister(String objectName) {
        try {
            server.unregisterMBean(nameOf(objectName));
        } catch (InstanceNotFoundException | MBeanRegistrationException e) {
            LOG.log(System.Logger.Level.DEBUG, "no MBean to unregister for clustered object '" + objectName + "'", e);
        }
    }

    /** The MXBean: a live view of one object. */
    private static final class View implements ClusteredObjectMXBean {
        private final ClusteredObject<?> object;

        View(ClusteredObject<?> object) {
            this.object = object;
        }

        @Override
        public String getName() {
            return object.name();
        }

        @Override
        public String getInterfaceName() {
            return object.type().getName();
        }

        @Override
        public String getImplementation() {
            return object.implementationName();
        }

        @Override
        public String getRootKind() {
            return object.kind().name();
        }

        @Override
        public int getSlotsInUse() {
            return object.slotsInUse();
        }

        @Override
        public long getSwapCount() {
            return object.swapCount();
        }

        @Override
        public String getLastSwap() {
            List<SwapRecord> history = object.history();
            return history.isEmpty() ? "" : history.get(history.size() - 1).toString();
        }

        @Override
        public String[] getSwapHistory() {
            return object.history().stream().map(SwapRecord::toString).toArray(String[]::new);
        }

        @Override
        public String[] getRepFailures() {
            return object.repFailures().stream().map(RepFailure::toString).toArray(String[]::new);
        }
    }
}
