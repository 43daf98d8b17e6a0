package io.swapline.itests;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/** Small look-ups the integration tests share. */
final class Installed {

    private Installed() {
    }

    /** The installed bundle with this symbolic name. */
    static Bundle bundle(BundleContext context, String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName + " is installed");
    }

    /** Opens a tracker for {@code type} and waits up to 10 s for a service; the tracker stays open. */
    static <T> ServiceTracker<T, T> track(BundleContext context, Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        if (tracker.waitForService(TimeUnit.SECONDS.toMillis(10)) == null) {
            throw new AssertionError("no " + type.getName() + " service within 10 s");
        }
        return tracker;
    }

    /**
     * Waits until {@code condition} holds, re-checking each millisecond, up to {@code seconds}: for
     * progress made by threads the test does not own (no fixed sleep).
     */
    static void await(String what, int seconds, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
