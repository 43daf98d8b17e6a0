package io.swapline.chaos;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * When no allowed implementation bundle was ACTIVE: the windows in which a call may legitimately
 * wait for a replacement and time out. A bundle counts from its STARTED event to its STOPPING
 * event (delivered synchronously, on the thread that changes it, as the extender gets them).
 */
final class ImplementationWindows implements SynchronousBundleListener, AutoCloseable {

    /** A window, in {@link System#nanoTime()}; {@code endNanos} is {@link Long#MAX_VALUE} while open. */
    record Window(long startNanos, long endNanos) {
        long lengthNanos(long nowNanos) {
            return Math.min(endNanos, nowNanos) - startNanos;
        }
    }

    private final BundleContext context;
    private final Set<String> allowed;
    private final Set<Long> active = new HashSet<>(); // guarded by this
    private final List<Window> windows = new ArrayList<>(); // guarded by this
    private long openSince = -1; // guarded by this; -1: some allowed implementation is ACTIVE

    private ImplementationWindows(BundleContext context, Set<String> allowed) {
        this.context = context;
        this.allowed = allowed;
    }

    /** Starts watching the bundles with these symbolic names. */
    static ImplementationWindows watch(BundleContext context, Set<String> allowedSymbolicNames) {
        ImplementationWindows windows = new ImplementationWindows(context, allowedSymbolicNames);
        synchronized (windows) {
            context.addBundleListener(windows);
            for (Bundle bundle : context.getBundles()) {
                if (allowedSymbolicNames.contains(bundle.getSymbolicName()) && bundle.getState() == Bundle.ACTIVE) {
                    windows.active.add(bundle.getBundleId());
                }
            }
            if (windows.active.isEmpty()) {
                windows.openSince = System.nanoTime();
            }
        }
        return windows;
    }

    @Override
    public synchronized void bundleChanged(BundleEvent event) {
        if (!allowed.contains(event.getBundle().getSymbolicName())) {
            return;
        }
        long id = event.getBundle().getBundleId();
        switch (event.getType()) {
            case BundleEvent.STARTED -> active.add(id);
            case BundleEvent.STOPPING, BundleEvent.STOPPED, BundleEvent.UNINSTALLED -> active.remove(id);
            default -> {
                return;
            }
        }
        long now = System.nanoTime();
        if (active.isEmpty() && openSince < 0) {
            openSince = now;
        } else if (!active.isEmpty() && openSince >= 0) {
            windows.add(new Window(openSince, now));
            openSince = -1;
        }
    }

    /** @return the windows so far, the open one last (if any) */
    synchronized List<Window> windows() {
        List<Window> all = new ArrayList<>(windows);
        if (openSince >= 0) {
            all.add(new Window(openSince, Long.MAX_VALUE));
        }
        return all;
    }

    /** @return whether no allowed implementation is ACTIVE now */
    synchronized boolean noneActive() {
        return openSince >= 0;
    }

    /**
     * Whether a call from {@code startNanos} to {@code endNanos} may have timed out waiting for a
     * replacement: some window of at least {@code minimumNanos} overlaps it.
     */
    synchronized boolean allowsTimeout(long startNanos, long endNanos, long minimumNanos) {
        long now = System.nanoTime();
        for (Window window : windows()) {
            if (window.startNanos() <= endNanos && window.endNanos() >= startNanos
                    && window.lengthNanos(now) >= minimumNanos) {
                return true;
            }
        }
        return false;
    }

    /** @return e.g. "7 windows, longest 2731 ms, 2 of at least 1700 ms" */
    synchronized String summary(long minimumNanos) {
        long now = System.nanoTime();
        List<Window> all = windows();
        long longest = all.stream().mapToLong(window -> window.lengthNanos(now)).max().orElse(0);
        long atLeast = all.stream().filter(window -> window.lengthNanos(now) >= minimumNanos).count();
        return all.size() + " windows with no allowed implementation ACTIVE, longest "
                + TimeUnit.NANOSECONDS.toMillis(longest) + " ms, " + atLeast + " of at least "
                + TimeUnit.NANOSECONDS.toMillis(minimumNanos) + " ms";
    }

    @Override
    public void close() {
        context.removeBundleListener(this);
    }
}
