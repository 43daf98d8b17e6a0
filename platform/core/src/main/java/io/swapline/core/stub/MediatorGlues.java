package io.swapline.core.stub;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes Mediator glue: Reps that send every call through a {@link CallMediator}.
 *
 * <p>Each swap gets a glue class of its own, so that a glue frame in a stack trace names the
 * swap it belongs to: a call still running through the glue of an earlier, finished swap is
 * not tracked by the current one, and the stack check must not mistake it for tracked. The
 * class is generated before the swap blocks anything, and unloaded with its loader's batch once
 * no glue of that batch is in use.
 */
public final class MediatorGlues {

    private static final String PREFIX = Stubs.GENERATED_PACKAGE + ".Mediated$";
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private MediatorGlues() {
    }

    /**
     * Generates a glue class for one swap of an object with interface {@code iface}.
     *
     * @param iface a stubbable interface
     * @param <T> the interface
     * @return the glue class
     */
    public static <T> Glue<T> defineFor(Class<T> iface) {
        String binaryName = PREFIX + iface.getSimpleName() + "$" + SEQUENCE.incrementAndGet();
        byte[] bytes = MediatorGlueGenerator.generate(binaryName, iface);
        Class<?> glueClass = GeneratedClassLoader.define(iface.getClassLoader(), binaryName, bytes);
        try {
            MethodHandle constructor = MethodHandles.publicLookup()
                    .findConstructor(glueClass, MethodType.methodType(void.class, CallMediator.class));
            return new Glue<>(iface, binaryName, constructor);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot link Mediator glue for " + iface.getName(), e);
        }
    }

    /**
     * A generated glue class.
     *
     * @param <T> the interface it implements
     */
    public static final class Glue<T> {
        private final Class<T> iface;
        private final String className;
        private final MethodHandle constructor;

        private Glue(Class<T> iface, String className, MethodHandle constructor) {
            this.iface = iface;
            this.className = className;
            this.constructor = constructor;
        }

        /**
         * The class's binary name, as stack traces show it.
         *
         * @return the name
         */
        public String className() {
            return className;
        }

        /**
         * A new glue Rep that calls {@code mediator}.
         *
         * @param mediator the mediation routine
         * @return the Rep
         */
        public T newRep(CallMediator mediator) {
            try {
                return iface.cast(constructor.invoke(mediator));
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("cannot create Mediator glue for " + iface.getName(), e);
            }
        }
    }
}
