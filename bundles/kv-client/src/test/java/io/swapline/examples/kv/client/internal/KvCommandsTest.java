package io.swapline.examples.kv.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class KvCommandsTest {

    @Test
    void putGetAndSizeShowWhatTheStoreDid() {
        KvCommands commands = new KvCommands(new MapStore());

        assertEquals("colour = blue (new key)", commands.put("colour", "blue"));
        assertEquals("colour = red (was blue)", commands.put("colour", "red"));
        assertEquals("colour = red", commands.get("colour"));
        assertEquals("size is absent", commands.get("size"));
        assertEquals(1, commands.size());
    }

    @Test
    void aLoadCallsWithTheMixItIsGivenOnEachThreadAndFillsItsKeys() throws InterruptedException {
        MapStore store = new MapStore();
        int threads = 3;

        KvLoad.Report report = new KvLoad(store, 75, threads).run(2, Duration.ofMillis(50));

        long loadPuts = store.puts.sum() - KvLoad.KEYS; // the fill is not part of the mix
        assertEquals(report.writes(), loadPuts);
        assertEquals(report.calls(), store.gets.sum() + loadPuts);
        assertTrue(report.calls() > 0, report::toString);
        // each thread writes on every 4th call, so at most one write per thread is still owed
        assertTrue(report.writes() <= report.calls() / 4 && report.writes() >= report.calls() / 4 - threads,
                report::toString);
        assertEquals(0, report.failures());
        assertEquals(KvLoad.KEYS, report.keys());
        assertEquals(2, report.intervals().size());
        List<String> lines = report.lines();
        assertEquals(3, lines.size(), lines::toString);
        assertTrue(lines.get(2).contains("'map store' at the end"), lines::toString);
    }

    @Test
    void argumentsOutOfRangeAreRefusedBeforeAnyCall() {
        MapStore store = new MapStore();
        KvCommands commands = new KvCommands(store);

        assertThrows(IllegalArgumentException.class, () -> commands.load(100.5, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> commands.load(50, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> commands.load(50, 1, 0));
        assertEquals(0, store.puts.sum() + store.gets.sum());
    }
}
