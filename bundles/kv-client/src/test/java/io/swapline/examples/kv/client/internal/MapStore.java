package io.swapline.examples.kv.client.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.swapline.examples.kv.KeyValueStore;
import io.swapline.examples.kv.KvSnapshot;

/** A key-value store over a concurrent map that counts the gets and puts it serves. */
final class MapStore implements KeyValueStore {

    final LongAdder gets = new LongAdder();
    final LongAdder puts = new LongAdder();
    private final Map<String, String> entries = new ConcurrentHashMap<>();

    @Override
    public String get(String key) {
        gets.increment();
        return entries.get(key);
    }

    @Override
    public String put(String key, String value) {
        puts.increment();
        return entries.put(key, value);
    }

    @Override
    public String remove(String key) {
        return entries.remove(key);
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public KvSnapshot snapshot() {
        return new KvSnapshot(entries);
    }

    @Override
    public String implementation() {
        return "map store";
    }
}
