package io.swapline.examples.kv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KvCanonicalFormTest {

    @Test
    void entriesSurviveTheRoundTripIncludingEmptyAndNonAsciiStrings() {
        Map<String, String> entries = Map.of("a", "1", "", "empty key", "clé", "värde ✓", "empty value", "");

        assertEquals(entries, KvCanonicalForm.decode(KvCanonicalForm.encode(entries)));
        assertEquals(Map.of(), KvCanonicalForm.decode(KvCanonicalForm.encode(Map.of())));
    }

    @Test
    void equalContentsGiveEqualBytesWhateverTheMapsOrder() {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("x", "1");
        one.put("y", "2");
        Map<String, String> other = new LinkedHashMap<>();
        other.put("y", "2");
        other.put("x", "1");

        assertArrayEquals(KvCanonicalForm.encode(one), KvCanonicalForm.encode(other));
    }

    @Test
    void truncatedOrForeignBytesAreRejected() {
        byte[] form = KvCanonicalForm.encode(Map.of("key", "value"));

        assertThrows(IllegalArgumentException.class, () -> KvCanonicalForm.decode(Arrays.copyOf(form, form.length - 2)));
        assertThrows(IllegalArgumentException.class, () -> KvCanonicalForm.decode(new byte[] {0, 0, 0, 9}));
        assertThrows(IllegalArgumentException.class, () -> KvCanonicalForm.decode(Arrays.copyOf(form, form.length + 1)));
    }

    @Test
    void aSnapshotIsImmutableAndKeepsAnAlreadyImmutableMap() {
        Map<String, String> frozen = Map.copyOf(Map.of("k", "v"));
        assertSame(frozen, new KvSnapshot(frozen).entries(), "no copy of an immutable map");

        Map<String, String> mutable = new HashMap<>(Map.of("k", "v"));
        KvSnapshot snapshot = new KvSnapshot(mutable);
        mutable.put("later", "write");
        assertEquals(Map.of("k", "v"), snapshot.entries());
        assertThrows(UnsupportedOperationException.class, () -> snapshot.entries().put("x", "y"));
    }
}
