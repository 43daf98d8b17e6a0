package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;

import io.swapline.testing.exam.SwaplineOptions;

/**
 * A refresh of the API bundle gives the object's interface a new {@code Class}: the object goes on
 * under the new interface — a new stub, its service registered again — with its state carried
 * through a protocol whose state type both wirings share (the counter's cell, a JDK
 * {@code AtomicLong}), and no holder is left behind. Regression: the object waited for good
 * ("it sees another …Counter …, not the one clients use") and a holder stayed Installed.
 *
 * <p>This test never loads the counter's interface: a test bundle wired to the API bundle would be
 * refreshed with it. It calls the counter by reflection, on whichever interface class its
 * service has.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ApiRefreshIT extends Bounded {

    private static final String COUNTER = "io.swapline.examples.counter.Counter";
    private static final String API = "io.swapline.examples.counter.api";
    private static final int COUNT = 1_000;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), ExampleBundles.sharedCounter());
    }

    @Test
    public void theObjectGoesOnUnderTheNewInterfaceWithItsStateAndNothingIsLeftInstalled() throws Exception {
        ServiceReference<?> before = awaitCounter(null);
        Object counter = context.getService(before);
        Class<?> oldInterface = interfaceOf(counter);
        for (int i = 0; i < COUNT; i++) {
            call(counter, "increment");
        }
        context.ungetService(before);

        refresh(Installed.bundle(context, API));

        ServiceReference<?> after = awaitCounter(before.getProperty(Constants.SERVICE_ID));
        Object republished = context.getService(after);
        assertNotEquals("a new interface class", oldInterface, interfaceOf(republished));
        assertEquals("the count came through the refresh", (long) COUNT, call(republished, "get"));
        call(republished, "increment");
        assertEquals((long) COUNT + 1, call(republished, "get"));
        assertEquals(Boolean.FALSE, after.getProperty("swapline.waiting"));
        assertEquals("the old service is gone", null, before.getBundle());
        // Holders let go on the refresh's thread are uninstalled once the refresh has released Felix's global lock.
        Installed.await("one holder left, of the serving revision: " + holders(), 30, () -> holders().size() == 1);
        List<Bundle> holders = holders();
        assertEquals(Bundle.RESOLVED, holders.get(0).getState());
        context.ungetService(after);
    }

    private List<Bundle> holders() {
        return Arrays.stream(context.getBundles()).filter(bundle -> bundle.getLocation().startsWith("swapline-holder:"))
                .toList();
    }

    /** Waits for a counter service other than {@code previousId} that is not waiting. */
    private ServiceReference<?> awaitCounter(Object previousId) throws Exception {
        ServiceReference<?>[] found = new ServiceReference<?>[1];
        Installed.await("a counter service" + (previousId == null ? "" : " other than service " + previousId), 30, () -> {
            try {
                ServiceReference<?>[] references = context.getAllServiceReferences(COUNTER, null);
                for (ServiceReference<?> reference : references == null ? new ServiceReference<?>[0] : references) {
                    if (!reference.getProperty(Constants.SERVICE_ID).equals(previousId)
                            && Boolean.FALSE.equals(reference.getProperty("swapline.waiting"))) {
                        found[0] = reference;
                        return true;
                    }
                }
                return false;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertNotNull(found[0]);
        return found[0];
    }

    private void refresh(Bundle bundle) throws InterruptedException {
        CountDownLatch refreshed = new CountDownLatch(1);
        context.getBundle(Constants.SYSTEM_BUNDLE_ID).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle),
                event -> {
                    if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                        refreshed.countDown();
                    }
                });
        assertTrue("the refresh ended", refreshed.await(60, TimeUnit.SECONDS));
    }

    private static Class<?> interfaceOf(Object service) {
        return Arrays.stream(service.getClass().getInterfaces()).filter(type -> type.getName().equals(COUNTER))
                .findFirst().orElseThrow(() -> new AssertionError(service + " does not implement " + COUNTER));
    }

    private static Object call(Object service, String method) throws Exception {
        Method declared = interfaceOf(service).getMethod(method);
        return declared.invoke(service);
    }
}
