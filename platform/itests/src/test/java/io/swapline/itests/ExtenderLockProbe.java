package io.swapline.itests;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Watches the revision holders' INSTALLED and UNINSTALLED events (delivered synchronously, on the
 * thread that installs or uninstalls the holder, which is the swapping thread) and at each has
 * another thread ask the extender for something that takes its lock ({@code swapline:list}): if
 * the swapping thread held that lock there, the other thread cannot get it before the event is
 * delivered, and the sighting says "held". A deadline tells a held lock from a free one: 20 s,
 * far beyond what a free lock takes; it is not a performance assertion.
 */
final class ExtenderLockProbe implements SynchronousBundleListener, AutoCloseable {

    private static final long DEADLINE_SECONDS = 20;

    private final BundleContext context;
    private final List<String> sightings = new CopyOnWriteArrayList<>();

    private ExtenderLockProbe(BundleContext context) {
        this.context = context;
    }

    /** Starts watching. */
    static ExtenderLockProbe watch(BundleContext context) {
        ExtenderLockProbe probe = new ExtenderLockProbe(context);
        context.addBundleListener(probe);
        return probe;
    }

    /** One line per holder event so far: {@code INSTALLED: free}, {@code UNINSTALLED: held …}. */
    List<String> sightings() {
        return List.copyOf(sightings);
    }

    /**
     * Waits for at least {@code count} holder events: a swap uninstalls the old holder after it
     * lets go of the extender's lock, so after the new implementation is seen serving.
     */
    List<String> awaitSightings(int count) {
        Installed.await(count + " holder events", 60, () -> sightings.size() >= count);
        return sightings();
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (!event.getBundle().getLocation().startsWith("swapline-holder:")) {
            return;
        }
        if (event.getType() == BundleEvent.INSTALLED) {
            sightings.add("INSTALLED: " + extenderLockWhileHere());
        } else if (event.getType() == BundleEvent.UNINSTALLED) {
            sightings.add("UNINSTALLED: " + extenderLockWhileHere());
        }
    }

    private String extenderLockWhileHere() {
        FutureTask<Object> list = new FutureTask<>(() -> {
            try (GogoSession other = GogoSession.open(context)) {
                return other.execute("swapline:list");
            }
        });
        Thread thread = new Thread(list, "extender-lock-probe");
        thread.setDaemon(true);
        thread.start();
        try {
            list.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
            return "free";
        } catch (TimeoutException e) {
            return "held (swapline:list waited " + DEADLINE_SECONDS + " s)";
        } catch (Exception e) {
            return "probe failed: " + e;
        }
    }

    @Override
    public void close() {
        context.removeBundleListener(this);
    }
}
