package io.swapline.core.stub;

import java.lang.reflect.Modifier;
import java.util.concurrent.atomic.AtomicLong;

import io.swapline.core.table.LocalTable;

/**
 * Makes the client handle of a clustered object: an instance of a class generated for that
 * object alone. One class per object, because its {@code static final} handle is what lets the
 * JIT fold the call target, and because a frame of the class in any thread's stack trace
 * names the object — which the swap's stack check relies on.
 */
public final class Stubs {

    /** The package of every generated class. */
    public static final String GENERATED_PACKAGE = "io.swapline.core.stub.generated";

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Stubs() {
    }

    /**
     * Checks that stubs can be generated for {@code type}.
     *
     * @param type the candidate interface
     * @throws IllegalArgumentException if it is not a public, non-sealed, non-hidden interface
     */
    public static void checkStubbable(Class<?> type) {
        if (!type.isInterface() || type.isAnnotation()) {
            throw new IllegalArgumentException(type.getName() + " is not an interface; a clustered object is"
                    + " reached through an interface");
        }
        if (!Modifier.isPublic(type.getModifiers())) {
            throw new IllegalArgumentException("interface " + type.getName() + " is not public; a stub in another"
                    + " class loader could not implement it");
        }
        if (type.isSealed()) {
            throw new IllegalArgumentException("interface " + type.getName() + " is sealed; a stub cannot implement it");
        }
        if (type.isHidden()) {
            throw new IllegalArgumentException("interface " + type.getName() + " is hidden; a stub cannot name it");
        }
    }

    /**
     * A new stub class for one object, and its instance.
     *
     * @param type the object's interface
     * @param objectName the object's name
     * @param table the object's local table
     * @param <T> the interface
     * @return the stub
     */
    public static <T> T newStub(Class<T> type, String objectName, LocalTable table) {
        checkStubbable(type);
        String binaryName = GENERATED_PACKAGE + ".Stub$" + type.getSimpleName() + "$" + SEQUENCE.incrementAndGet();
        byte[] bytes = StubGenerator.generate(binaryName, type, table.slotCount());
        StubLinkage.deposit(binaryName, table);
        try {
            Class<?> stubClass = GeneratedClassLoader.define(type.getClassLoader(), binaryName, bytes);
            Class.forName(binaryName, true, stubClass.getClassLoader()); // its initialiser binds the instance
            return type.cast(table.stub());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("cannot generate a stub of " + type.getName() + " for '" + objectName
                    + "'", e);
        } finally {
            StubLinkage.withdraw(binaryName); // normally claimed already; not left behind on failure
        }
    }
}
