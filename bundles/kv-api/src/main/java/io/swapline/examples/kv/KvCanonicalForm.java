package io.swapline.examples.kv;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical byte form of a store's entries, for {@link KvProtocols#CANONICAL_BYTES}:
 * a format version (1), the number of entries, then each entry as key and value, each string as
 * its UTF-8 length and bytes; entries in key order, so that equal contents give equal bytes.
 */
public final class KvCanonicalForm {

    /** The format version written first. */
    public static final int VERSION = 1;

    private KvCanonicalForm() {
    }

    /**
     * Encodes entries.
     *
     * @param entries the entries, no null key or value
     * @return the canonical bytes
     */
    public static byte[] encode(Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
            out.writeInt(entries.size());
            for (Map.Entry<String, String> entry : new TreeMap<>(entries).entrySet()) {
                writeString(out, entry.getKey());
                writeString(out, entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes entries.
     *
     * @param form bytes made by {@link #encode}
     * @return the entries, in a new mutable map
     * @throws IllegalArgumentException if the bytes are not in the canonical form
     */
    public static Map<String, String> decode(byte[] form) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(form))) {
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("canonical key-value form version " + version + ", expected " + VERSION);
            }
            int count = in.readInt();
            Map<String, String> entries = new HashMap<>(Math.max(16, count * 2));
            for (int i = 0; i < count; i++) {
                entries.put(readString(in), readString(in));
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("trailing bytes after " + count + " entries");
            }
            return entries;
        } catch (IOException e) {
            throw new IllegalArgumentException("not the canonical key-value form: " + e, e);
        }
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("string length " + length + " beyond the form's end");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
