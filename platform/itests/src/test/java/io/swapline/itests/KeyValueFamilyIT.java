package io.swapline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

import io.swapline.examples.kv.KeyValueStore;
import io.swapline.examples.kv.KvSnapshot;
import io.swapline.testing.exam.SwaplineOptions;

/**
 * The key-value family in a framework, as the README's demo runs it: the {@code kv:*} commands of
 * kv-client (a DS component) read and write the store, and {@code swapline:swap} moves the object
 * between the snapshot and the striped store and back, {@value #ROUNDS} times each way, while 2
 * threads write, handing the entries over by reference (one {@link KvSnapshot} class, from kv-api,
 * for both implementation bundles): every record says {@code protocol=kv-snapshot-by-reference},
 * every entry and every thread's last acknowledged write survives, and the swaps overlapped calls.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KeyValueFamilyIT extends Bounded {

    private static final String SNAPSHOT = "io.swapline.examples.kv.snapshot";
    private static final String STRIPED = "io.swapline.examples.kv.striped";
    private static final int ROUNDS = 5;
    private static final int KEYS = 100;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return options(SwaplineOptions.swapline(), SwaplineOptions.gogo(), SwaplineOptions.bundleFile("kv.api"),
                SwaplineOptions.bundleFile("kv.snapshot"), SwaplineOptions.bundleFile("kv.striped"),
                SwaplineOptions.bundleFile("kv.client"),
                frameworkProperty("swapline.authorised.kv").value(SNAPSHOT + "," + STRIPED));
    }

    @Test
    public void commandsWorkAndSwapsBothWaysHandTheEntriesOverByReference() throws Exception {
        ServiceTracker<KeyValueStore, KeyValueStore> tracker = Installed.track(context, KeyValueStore.class);
        KeyValueStore store = tracker.getService();
        try (GogoSession shell = GogoSession.open(context)) {
            Installed.await("the kv:* commands", 10, () -> { // DS activates them once the store is there
                try {
                    return context.getServiceReferences((String) null, "(osgi.command.scope=kv)") != null;
                } catch (InvalidSyntaxException e) {
                    throw new AssertionError(e);
                }
            });
            assertEquals("colour = blue (new key)", shell.execute("kv:put colour blue"));
            assertEquals("colour = red (was blue)", shell.execute("kv:put colour red"));
            assertEquals("colour = red", shell.execute("kv:get colour"));
            assertEquals("nosuch is absent", shell.execute("kv:get nosuch"));
            assertEquals(1, shell.execute("kv:size"));
            for (int i = 0; i < KEYS; i++) {
                store.put("k" + i, "v" + i);
            }

            boolean snapshotFirst = store.implementation().equals("snapshot kv 1.0");
            SwapOverlap overlap = SwapOverlap.of("kv");
            CallingThreads writers = CallingThreads.start("kv-writer", 2,
                    (thread, number) -> store.put("t" + thread, Long.toString(number)));
            try {
                writers.awaitEachThreadCalls(10_000);
                for (int swap = 1; swap <= 2 * ROUNDS; swap++) {
                    boolean toStriped = snapshotFirst == (swap % 2 == 1);
                    String record = (String) shell.execute("swapline:swap kv " + (toStriped ? STRIPED : SNAPSHOT));
                    assertTrue(record, record.contains(" protocol=kv-snapshot-by-reference "));
                    overlap.add(record);
                    assertEquals(toStriped ? "striped kv 1.0" : "snapshot kv 1.0", store.implementation());
                    writers.awaitEachThreadCalls(1_000);
                }
            } finally {
                writers.stop();
            }
            System.out.println("KeyValueFamilyIT: " + overlap + "; " + writers.perThread());
            writers.assertEveryThreadCalledWithoutFailure();
            overlap.assertCallsOverlapped();
            for (int thread = 0; thread < 2; thread++) {
                assertEquals("thread " + thread + "'s last acknowledged write", Long.toString(writers.acknowledged(thread)),
                        store.get("t" + thread));
            }
            KvSnapshot snapshot = store.snapshot();
            assertSame("one KvSnapshot class for both implementations and the client: kv-api's", KvSnapshot.class,
                    snapshot.getClass());
            Map<String, String> entries = snapshot.entries();
            assertEquals(entries.keySet().toString(), KEYS + 3, entries.size());
            for (int i = 0; i < KEYS; i++) {
                assertEquals("v" + i, entries.get("k" + i));
            }
            assertEquals("colour = red", shell.execute("kv:get colour"));
            assertEquals(KEYS + 3, shell.execute("kv:size"));

            List<?> load = (List<?>) shell.execute("kv:load 50 1 1");
            String summary = load.get(load.size() - 1).toString();
            assertTrue(summary, summary.contains(" writes (") && summary.contains(", 0 failed, "));
        }
        tracker.close();
    }
}
