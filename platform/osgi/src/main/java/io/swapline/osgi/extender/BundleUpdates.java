package io.swapline.osgi.extender;

import org.osgi.framework.Bundle;

/**
 * Tells, at a bundle's STOPPING event, whether the bundle is being stopped for an update (which
 * will start its new revision on this same thread) or for good (stop, uninstall, refresh).
 *
 * <p>OSGi gives a listener no way to tell: both deliver the same STOPPING event, on the thread
 * that called {@code Bundle.update} or {@code Bundle.stop}. Felix 7 delivers it from inside
 * {@code BundleImpl.update} → {@code Felix.updateBundle}, so the calling thread's own stack says
 * it. One stack trace of the current thread per stop of a serving bundle: cheap, and only for
 * bundles that serve objects. On a framework whose update has neither frame, every update is
 * taken for a stop: it still works, as two swaps (old → waiting → new) instead of one.
 */
public final class BundleUpdates {

    private static final String FELIX = "org.apache.felix.framework.Felix";

    private BundleUpdates() {
    }

    /**
     * @param bundle the bundle whose STOPPING event the current thread is delivering
     * @return true if the current thread is inside {@code update} of a bundle
     */
    public static boolean isUpdateInProgress(Bundle bundle) {
        String bundleClass = bundle.getClass().getName();
        for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
            if ((frame.getMethodName().equals("update") && frame.getClassName().equals(bundleClass))
                    || (frame.getMethodName().equals("updateBundle") && frame.getClassName().equals(FELIX))) {
                return true;
            }
        }
        return false;
    }
}
