package io.swapline.chaos;

import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;

import io.swapline.examples.counter.Counter;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * The platform these tests run: the extender, Gogo, the counter's API and its two implementation
 * bundles (shared 1.0, whose 2.0 jar updates it, and distributed), both authorised for
 * {@code counter}, with a short replacement timeout. Looks bundles up by symbolic name (never by a
 * cached {@link Bundle}: they are uninstalled and installed again), installs, updates and refreshes
 * them, and says whether the object is in a state the extender promises once nothing changes.
 */
final class CounterPlatform {

    static final String SHARED = "io.swapline.examples.counter.shared";
    static final String DISTRIBUTED = "io.swapline.examples.counter.distributed";
    static final Set<String> IMPLEMENTATIONS = Set.of(SHARED, DISTRIBUTED);
    /** {@code swapline.replacement.timeout.ms}: how long a call waits while no implementation serves. */
    static final long REPLACEMENT_TIMEOUT_MS = 2_000;
    /** How long the extender may take to reach the promised state after the last change. */
    static final long SETTLE_SECONDS = 10;

    private static final AtomicLong LOCATIONS = new AtomicLong();

    final BundleContext context;
    final FrameworkWiring wiring;
    final ServiceTracker<Counter, Counter> tracker;
    final ServiceReference<Counter> reference;
    final Object serviceId;

    /** The Pax Exam configuration. */
    static Option[] configuration() {
        return options(SwaplineOptions.swapline(), SwaplineOptions.gogo(),
                // A run that had to be killed after a hang leaves its bundles in the framework's storage.
                frameworkProperty(Constants.FRAMEWORK_STORAGE_CLEAN).value(Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT),
                SwaplineOptions.bundleFile("counter.api"), SwaplineOptions.bundleFile("counter.shared"),
                SwaplineOptions.bundleFile("counter.distributed"),
                frameworkProperty("swapline.authorised.counter").value(SHARED + "," + DISTRIBUTED),
                frameworkProperty("swapline.replacement.timeout.ms").value(Long.toString(REPLACEMENT_TIMEOUT_MS)));
    }

    CounterPlatform(BundleContext context) throws InterruptedException {
        this.context = context;
        this.wiring = context.getBundle(Constants.SYSTEM_BUNDLE_ID).adapt(FrameworkWiring.class);
        this.tracker = new ServiceTracker<>(context, Counter.class, null);
        tracker.open();
        if (tracker.waitForService(TimeUnit.SECONDS.toMillis(20)) == null) {
            throw new AssertionError("no Counter service within 20 s");
        }
        this.reference = tracker.getServiceReference();
        this.serviceId = reference.getProperty(Constants.SERVICE_ID);
    }

    /** The one service object every client holds: fetched once, never again. */
    Counter heldCounter() {
        return context.getService(reference);
    }

    /** @return the installed bundle with this symbolic name, or null (holders have other names) */
    Bundle find(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName()) && bundle.getState() != Bundle.UNINSTALLED) {
                return bundle;
            }
        }
        return null;
    }

    boolean isActive(String symbolicName) {
        Bundle bundle = find(symbolicName);
        return bundle != null && bundle.getState() == Bundle.ACTIVE;
    }

    /** @return the allowed implementation bundles that are ACTIVE */
    List<Bundle> activeImplementations() {
        List<Bundle> active = new ArrayList<>();
        for (String name : List.of(SHARED, DISTRIBUTED)) {
            Bundle bundle = find(name);
            if (bundle != null && bundle.getState() == Bundle.ACTIVE) {
                active.add(bundle);
            }
        }
        return active;
    }

    /** @return the installed implementation bundles */
    List<Bundle> installedImplementations() {
        List<Bundle> installed = new ArrayList<>();
        for (String name : List.of(SHARED, DISTRIBUTED)) {
            Bundle bundle = find(name);
            if (bundle != null) {
                installed.add(bundle);
            }
        }
        return installed;
    }

    /** The jar for an implementation: shared 1.0 or 2.0, or distributed. */
    static File jar(String symbolicName, boolean sharedV2) {
        String key = DISTRIBUTED.equals(symbolicName) ? "counter.distributed"
                : sharedV2 ? "counter.shared.v2" : "counter.shared";
        String property = SwaplineOptions.BUNDLE_PROPERTY_PREFIX + key;
        File jar = new File(System.getProperty(property, ""));
        if (!jar.isFile()) {
            throw new IllegalStateException(property + " names no jar file: '" + jar + "' (run through mvn verify)");
        }
        return jar;
    }

    /** Installs an implementation bundle (not started), at a new location. */
    Bundle install(String symbolicName, boolean sharedV2) throws BundleException, IOException {
        try (InputStream in = new FileInputStream(jar(symbolicName, sharedV2))) {
            return context.installBundle("chaos:" + symbolicName + ":" + LOCATIONS.incrementAndGet(), in);
        }
    }

    /** Updates the shared counter's bundle to the jar of the other version than it has. */
    static String updateToOtherVersion(Bundle shared) throws BundleException, IOException {
        boolean toV2 = shared.getVersion().getMajor() == 1;
        try (InputStream in = new FileInputStream(jar(SHARED, toV2))) {
            shared.update(in);
        }
        return toV2 ? "2.0" : "1.0";
    }

    /**
     * Starts a refresh ({@link FrameworkWiring#refreshBundles}); Felix runs it on its own thread.
     *
     * @param bundles the bundles, or null for every removal-pending one
     * @return opens when Felix reports PACKAGES_REFRESHED (or an error) for this refresh
     */
    CountDownLatch refresh(Collection<Bundle> bundles) {
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(bundles, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        return done;
    }

    /** @return e.g. {@code shared 2.0.0 ACTIVE, distributed RESOLVED | counter: served by … } */
    String describe() {
        StringBuilder text = new StringBuilder();
        for (String name : List.of(SHARED, DISTRIBUTED)) {
            Bundle bundle = find(name);
            text.append(name.substring(name.lastIndexOf('.') + 1)).append(' ')
                    .append(bundle == null ? "not installed" : "[" + bundle.getBundleId() + "] " + bundle.getVersion()
                            + " " + stateName(bundle.getState()))
                    .append(", ");
        }
        text.append("removal pending ").append(wiring.getRemovalPendingBundles().size()).append(" | counter: ");
        ServiceReference<Counter> current = tracker.getServiceReference();
        if (current == null) {
            return text.append("NO SERVICE").toString();
        }
        return text.append(Boolean.TRUE.equals(current.getProperty("swapline.waiting")) ? "waiting, last " : "served by ")
                .append(current.getProperty("swapline.implementation.bundle")).append(' ')
                .append(current.getProperty("swapline.implementation.version"))
                .append(", swaps=").append(current.getProperty("swapline.swap.count")).toString();
    }

    /**
     * What the extender promises once no bundle changes any more: the same service is registered,
     * and while an allowed implementation is ACTIVE the object does not wait and is served by an
     * ACTIVE bundle at the version the service properties name. With none ACTIVE the object waits,
     * or keeps serving from a stopped revision it holds (operations.md: an update whose new revision
     * fails to start, a stop it cannot wait for); both are accepted.
     *
     * @return what is wrong now, or null
     */
    String inconsistency() {
        ServiceReference<Counter> current = tracker.getServiceReference();
        if (current == null || !serviceId.equals(current.getProperty(Constants.SERVICE_ID))) {
            return "the Counter service registered at the start is gone (now: " + current + ")";
        }
        List<Bundle> active = activeImplementations();
        boolean waiting = Boolean.TRUE.equals(current.getProperty("swapline.waiting"));
        if (active.isEmpty()) {
            return null;
        }
        if (waiting) {
            return "the object waits for a replacement while " + labels(active) + " is ACTIVE";
        }
        String servingName = (String) current.getProperty("swapline.implementation.bundle");
        String servingVersion = (String) current.getProperty("swapline.implementation.version");
        Bundle serving = find(servingName);
        if (serving == null || serving.getState() != Bundle.ACTIVE
                || !serving.getVersion().toString().equals(servingVersion)) {
            return "the service says " + servingName + " " + servingVersion + " serves, but that bundle is "
                    + (serving == null ? "not installed" : serving.getVersion() + " " + stateName(serving.getState()));
        }
        return null;
    }

    /**
     * Polls {@link #inconsistency()} until it is null, up to {@link #SETTLE_SECONDS}.
     *
     * @return null, or the inconsistency still there at the deadline
     */
    String awaitConsistent() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETTLE_SECONDS);
        String wrong;
        while ((wrong = inconsistency()) != null && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        return wrong;
    }

    /**
     * What {@link Counter#implementation()} must say for the serving bundle named in the service
     * properties, or null when the object waits.
     */
    String expectedImplementation() {
        ServiceReference<Counter> current = tracker.getServiceReference();
        if (current == null || Boolean.TRUE.equals(current.getProperty("swapline.waiting"))) {
            return null;
        }
        String name = (String) current.getProperty("swapline.implementation.bundle");
        String version = (String) current.getProperty("swapline.implementation.version");
        return DISTRIBUTED.equals(name) ? "distributed counter 1.0"
                : version.startsWith("2.") ? "shared counter 2.0" : "shared counter 1.0";
    }

    /** @return whether the object waits for a replacement (service property) */
    boolean waiting() {
        ServiceReference<Counter> current = tracker.getServiceReference();
        return current != null && Boolean.TRUE.equals(current.getProperty("swapline.waiting"));
    }

    /** @return the serving bundle's symbolic name (service property) */
    String servingName() {
        ServiceReference<Counter> current = tracker.getServiceReference();
        return current == null ? null : (String) current.getProperty("swapline.implementation.bundle");
    }

    /** @return the completed swaps (service property) */
    long swapCount() {
        ServiceReference<Counter> current = tracker.getServiceReference();
        Object count = current == null ? null : current.getProperty("swapline.swap.count");
        return count instanceof Long value ? value : -1;
    }

    static String shortName(String symbolicName) {
        return symbolicName.substring(symbolicName.lastIndexOf('.') + 1);
    }

    private static String labels(List<Bundle> bundles) {
        List<String> labels = new ArrayList<>();
        for (Bundle bundle : bundles) {
            labels.add(bundle.getSymbolicName() + " " + bundle.getVersion() + " [" + bundle.getBundleId() + "]");
        }
        return String.join(" and ", labels);
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "state " + state;
        };
    }

    void close() {
        tracker.close();
    }
}
