package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.Arrays;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.osgi.util.tracker.ServiceTracker;

import io.swapline.examples.counter.Counter;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * An object's autonomic policy follows its configuration {@code io.swapline.object~counter} at run
 * time (operations.md, "Configuration"): enabled by it (no framework property enables it here), it
 * swaps the loaded counter to the distributed implementation; a changed setting applies to the
 * running policy; an invalid one is rejected with one WARN line and the previous value kept;
 * deleting the configuration disables it again. The metatype service describes both PIDs.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PolicyConfigurationIT extends Bounded {

    private static final String PID = "io.swapline.object~counter";
    private static final int DEADLINE_SECONDS = 60;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), SwaplineOptions.configAdmin(), ExampleBundles.sharedCounter(),
                SwaplineOptions.bundleFile("counter.distributed"), SwaplineOptions.gogo(),
                frameworkProperty("swapline.authorised.counter").value(AutonomicPolicyIT.SHARED + ","
                        + AutonomicPolicyIT.DISTRIBUTED));
    }

    @Test
    public void aPolicyEnabledChangedAndDisabledByItsConfiguration() throws Exception {
        ServiceTracker<Counter, Counter> tracker = Installed.track(context, Counter.class);
        Counter counter = tracker.getService();
        ConfigurationAdmin configAdmin = ConfigAdminSettingsIT.configAdmin(context);
        org.osgi.service.cm.Configuration configuration = configAdmin.getFactoryConfiguration("io.swapline.object",
                "counter", "?");
        try (LogCapture log = new LogCapture(); GogoSession shell = GogoSession.open(context)) {
            assertTrue(status(shell), status(shell).startsWith("counter: autonomic policy disabled"));

            log.install();

            configuration.update(ConfigAdminSettingsIT.dictionary("policy", "enabled", "policy.sampling.ms", 200L,
                    "policy.hysteresis", "0.5", "policy.dwell.ms", 500L));
            log.await("autonomic policy of 'counter' enabled by its configuration", 30);
            assertTrue(status(shell), status(shell).startsWith("counter: autonomic policy enabled, every 200 ms,"
                    + " hysteresis 50 %, dwell 500 ms"));
            CallingThreads load = CallingThreads.start(counter, 4);
            try {
                Installed.await("the policy swaps the loaded counter to distributed", DEADLINE_SECONDS,
                        () -> counter.implementation().equals("distributed counter 1.0"));
            } finally {
                load.stop();
            }
            load.assertEveryThreadCalledWithoutFailure();

            log.install();

            configuration.update(ConfigAdminSettingsIT.dictionary("policy", "enabled", "policy.sampling.ms", 200L,
                    "policy.hysteresis", "0.5", "policy.dwell.ms", 3000L));
            log.await("autonomic policy of 'counter' goes on with its new settings: every 200 ms, hysteresis 50 %,"
                    + " dwell 3000 ms", 30);

            log.install();

            configuration.update(ConfigAdminSettingsIT.dictionary("policy", "enabled", "policy.sampling.ms", 200L,
                    "policy.hysteresis", "2", "policy.dwell.ms", 3000L));
            String warning = log.await("policy.hysteresis=2", 30);
            assertEquals(List.of(warning), log.lines("policy.hysteresis=2"));
            assertTrue(warning, warning.contains(" WARN ") && warning.endsWith("configuration " + PID
                    + ": policy.hysteresis=2 rejected: not a fraction in [0, 1); 0.5 stays in force"));
            assertTrue(status(shell), status(shell).startsWith("counter: autonomic policy enabled, every 200 ms,"
                    + " hysteresis 50 %, dwell 3000 ms"));

            log.install();

            configuration.delete();
            log.await("autonomic policy of 'counter' disabled by its configuration", 30);
            assertTrue(status(shell), status(shell).startsWith("counter: autonomic policy disabled"));
        } finally {
            tracker.close();
        }
    }

    @Test
    public void theMetatypeDescribesBothPidsWithTypesAndRanges() throws Exception {
        ServiceTracker<MetaTypeService, MetaTypeService> tracker = new ServiceTracker<>(context, MetaTypeService.class,
                null);
        tracker.open();
        try {
            MetaTypeService metaType = tracker.waitForService(10_000);
            assertTrue("a metatype service", metaType != null);
            MetaTypeInformation information = metaType.getMetaTypeInformation(Installed.bundle(context,
                    "io.swapline.osgi"));
            assertEquals(List.of("io.swapline"), Arrays.asList(information.getPids()));
            assertEquals(List.of("io.swapline.object"), Arrays.asList(information.getFactoryPids()));

            AttributeDefinition forward = attribute(information.getObjectClassDefinition("io.swapline", null),
                    "swap.forward.ms");
            assertEquals(AttributeDefinition.LONG, forward.getType());
            assertEquals(List.of("10000"), Arrays.asList(forward.getDefaultValue()));
            assertEquals("", forward.validate("1000"));
            assertTrue(forward.validate("-5"), !forward.validate("-5").isEmpty());
            AttributeDefinition policy = attribute(information.getObjectClassDefinition("io.swapline.object", null),
                    "policy");
            assertEquals(List.of("enabled", "disabled"), Arrays.asList(policy.getOptionValues()));
        } finally {
            tracker.close();
        }
    }

    private static AttributeDefinition attribute(ObjectClassDefinition definition, String id) {
        return Arrays.stream(definition.getAttributeDefinitions(ObjectClassDefinition.ALL))
                .filter(attribute -> attribute.getID().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no attribute " + id + " in " + definition.getID()));
    }

    private static String status(GogoSession shell) throws Exception {
        return PolicySettingsIT.text(shell.execute("swapline:policy counter"));
    }
}
