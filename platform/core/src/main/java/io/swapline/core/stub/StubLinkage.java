package io.swapline.core.stub;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.swapline.core.table.LocalTable;

/**
 * Hands each stub class the local table of its object, from which its static initialiser
 * takes what its {@code static final} fields hold. The generator deposits the table under the
 * class's name before it initialises the class; the class's static initialiser claims it
 * exactly once.
 *
 * <p>Public only because generated classes live in their own class loaders; not an API.
 */
public final class StubLinkage {

    private static final Map<String, LocalTable> PENDING = new ConcurrentHashMap<>();

    private StubLinkage() {
    }

    static void deposit(String className, LocalTable table) {
        if (PENDING.putIfAbsent(className, table) != null) {
            throw new IllegalStateException("a table for " + className + " is already pending");
        }
    }

    static void withdraw(String className) {
        PENDING.remove(className);
    }

    /**
     * Called once from a generated class's static initialiser.
     *
     * @param className the binary name of the calling class
     * @return its object's local table
     * @throws IllegalStateException if no table is pending for the class
     */
    public static LocalTable claim(String className) {
        LocalTable table = PENDING.remove(className);
        if (table == null) {
            throw new IllegalStateException("no table pending for " + className);
        }
        return table;
    }
}
