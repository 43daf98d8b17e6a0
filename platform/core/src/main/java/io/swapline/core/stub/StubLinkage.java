package io.swapline.core.stub;

import java.lang.invoke.MethodHandle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands each generated class the method handle its {@code static final} field holds. The
 * generator deposits the handle under the class's name before it initialises the class; the
 * class's static initialiser claims it exactly once.
 *
 * <p>Public only because generated classes live in their own class loaders; not an API.
 */
public final class StubLinkage {

    private static final Map<String, MethodHandle> PENDING = new ConcurrentHashMap<>();

    private StubLinkage() {
    }

    static void deposit(String className, MethodHandle handle) {
        if (PENDING.putIfAbsent(className, handle) != null) {
            throw new IllegalStateException("a handle for " + className + " is already pending");
        }
    }

    static void withdraw(String className) {
        PENDING.remove(className);
    }

    /**
     * Called once from a generated class's static initialiser.
     *
     * @param className the binary name of the calling class
     * @return its handle
     * @throws IllegalStateException if no handle is pending for the class
     */
    public static MethodHandle claim(String className) {
        MethodHandle handle = PENDING.remove(className);
        if (handle == null) {
            throw new IllegalStateException("no handle pending for " + className);
        }
        return handle;
    }
}
