package io.swapline.itests;

import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;

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

import io.swapline.testing.exam.SwaplineOptions;

/**
 * A policy setting that is not valid is logged (WARN, naming the property, its value and the
 * default used) and its default used (operations.md, "Autonomic policies"): every setting of the
 * counter's policy is invalid here; the policy runs with the defaults, and enabling it again from
 * the shell (which reads the properties again) logs one WARN per setting.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class InvalidPolicySettingsIT extends Bounded {

    private static final String PREFIX = "swapline.policy.counter";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), ExampleBundles.sharedCounter(),
                SwaplineOptions.bundleFile("counter.distributed"), SwaplineOptions.gogo(),
                frameworkProperty("swapline.authorised.counter").value(AutonomicPolicyIT.SHARED + "," + AutonomicPolicyIT.DISTRIBUTED),
                frameworkProperty(PREFIX).value("enabled"),
                frameworkProperty(PREFIX + ".sampling.ms").value("fast"),
                frameworkProperty(PREFIX + ".hysteresis").value("1.5"),
                frameworkProperty(PREFIX + ".dwell.ms").value("-5"),
                frameworkProperty(PREFIX + ".swaps.max").value("0"),
                frameworkProperty(PREFIX + ".swaps.window.ms").value("soon"));
    }

    @Test
    public void everyInvalidSettingFallsBackToItsDefaultWithAWarning() throws Exception {
        try (GogoSession shell = GogoSession.open(context)) {
            String status = PolicySettingsIT.text(shell.execute("swapline:policy counter"));
            assertTrue(status, status.startsWith("counter: autonomic policy enabled, every 1000 ms, hysteresis 25 %,"
                    + " dwell 10000 ms, at most 4 swaps per 60000 ms"));

            shell.execute("swapline:policy counter disable");
            int before = shell.output().length();
            String enabled = (String) shell.execute("swapline:policy counter enable");
            assertTrue(enabled, enabled.startsWith("autonomic policy of 'counter' enabled: every 1000 ms, hysteresis 25 %,"
                    + " dwell 10000 ms, at most 4 swaps per 60000 ms"));
            String log = shell.output().substring(before); // the command's thread logs to the session, as on the console
            for (String warning : List.of(
                    PREFIX + ".sampling.ms=fast is not a whole number >= 1; using 1000",
                    PREFIX + ".hysteresis=1.5 is not a fraction in [0, 1); using 0.25",
                    PREFIX + ".dwell.ms=-5 is not a whole number >= 0; using 10000",
                    PREFIX + ".swaps.max=0 is not a whole number >= 1; using 4",
                    PREFIX + ".swaps.window.ms=soon is not a whole number >= 1; using 60000")) {
                assertTrue("WARN " + warning + " in: " + log, log.lines().anyMatch(
                        line -> line.contains(" WARN ") && line.endsWith(warning)));
            }
        }
    }
}
