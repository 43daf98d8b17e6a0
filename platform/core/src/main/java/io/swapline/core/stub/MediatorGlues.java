package io.swapline.core.stub;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes Mediator glue: Reps that send every call through a {@link CallMediator}. One glue
 * class per interface, cached in a {@link ClassValue} of the interface, so the cache entry is
 * reachable only from the interface's class and goes away with it (with its bundle's loader,
 * in OSGi).
 */
public final class MediatorGlues {

    /** The name prefix of every glue class, which the swap's stack check recognises. */
    public static final String GLUE_PREFIX = Stubs.GENERATED_PACKAGE + ".Mediated$";

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final ClassValue<MethodHandle> CONSTRUCTORS = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> iface) {
            String binaryName = GLUE_PREFIX + iface.getSimpleName() + "$" + SEQUENCE.incrementAndGet();
            byte[] bytes = MediatorGlueGenerator.generate(binaryName, iface);
            Class<?> glue = new GeneratedClassLoader(iface.getClassLoader()).define(binaryName, bytes);
            try {
                return MethodHandles.publicLookup().findConstructor(glue,
                        MethodType.methodType(void.class, CallMediator.class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot link Mediator glue for " + iface.getName(), e);
            }
        }
    };

    private MediatorGlues() {
    }

    /**
     * A new glue Rep for {@code iface} that calls {@code mediator}.
     *
     * @param iface a stubbable interface
     * @param mediator the mediation routine
     * @param <T> the interface
     * @return the glue Rep
     */
    public static <T> T newGlue(Class<T> iface, CallMediator mediator) {
        try {
            return iface.cast(CONSTRUCTORS.get(iface).invoke(mediator));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot create Mediator glue for " + iface.getName(), e);
        }
    }
}
