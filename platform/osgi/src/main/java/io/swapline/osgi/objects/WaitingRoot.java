package io.swapline.osgi.objects;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.swapline.api.Root;
import io.swapline.api.SharedRoot;
import io.swapline.api.SwapTimeoutException;
import io.swapline.api.TransferProtocol;

/**
 * The root an object is swapped to when the bundle that served it stops (or is uninstalled) and
 * no other allowed implementation is active: it keeps the object's state and makes every call
 * wait for a successor, up to a deadline per call.
 *
 * <h2>State</h2>
 * It imports whatever whole-object protocol the stopping implementation exports (the swap to it
 * negotiates the best one), keeping the protocol and the state object as they were exported; it
 * exports exactly that protocol. Per-Rep protocols are not imported: a waiting root has one Rep,
 * so it could not give each index back.
 *
 * <h2>Handover</h2>
 * The runtime cannot swap this root out while calls wait inside its Rep: the swap's Forward phase
 * waits for every call that entered the old implementation before the swap to leave it. So the
 * extender first makes the successor itself — instantiates it, attaches it and imports the kept
 * state into it through the kept protocol — and {@linkplain #handOver hands it over}: waiting and
 * later calls run on the successor's Reps (by reflection, only until the swap below). Then the
 * runtime swaps this root to a {@link SuccessorRoot} whose Reps are the successor's own, with the
 * {@link #HANDOVER} protocol as the only transfer: the state already lives in the successor, and
 * no other implementation can take this root's place and drop it.
 *
 * <h2>Threads</h2>
 * Client threads call the Rep and wait on one latch; the thread that handles the successor's
 * bundle event (or the shell's thread for {@code swapline:swap}) imports into the successor and
 * calls {@link #handOver}, which publishes the successor (volatile write) before opening the latch.
 *
 * @param <T> the object's interface
 */
public final class WaitingRoot<T> extends SharedRoot<T> {

    /** What this root exports after the handover: the successor, to its {@link SuccessorRoot}. */
    static final TransferProtocol<Handover> HANDOVER =
            TransferProtocol.define("swapline-handover", TransferProtocol.MAX_BIT, Handover.class);

    /**
     * The state of the handover protocol.
     *
     * @param successor the successor root the waiting calls were released to
     */
    record Handover(Root<?> successor) {
    }

    private final String objectName;
    private final Class<T> type;
    private final Duration timeout;
    private final String stoppedImplementation;
    private final boolean stateless;
    private final Set<TransferProtocol<?>> importable;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile TransferProtocol<?> keptProtocol;
    private volatile Object keptState;
    private volatile Root<?> successor;
    private volatile boolean destroyed;

    /**
     * @param objectName the object, for messages
     * @param type the object's interface
     * @param stopping the root of the implementation whose bundle stops
     * @param stoppedImplementation e.g. {@code io.swapline.examples.counter.shared 1.0.0}, for messages
     * @param timeout how long one call waits for a successor
     */
    WaitingRoot(String objectName, Class<T> type, Root<?> stopping, String stoppedImplementation, Duration timeout) {
        this.objectName = objectName;
        this.type = type;
        this.timeout = timeout;
        this.stoppedImplementation = stoppedImplementation;
        this.stateless = stopping.isStateless();
        this.importable = stopping.exportProtocols().stream().filter(protocol -> !protocol.isPerRep())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected T newRep(int repIndex) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new WaitingCall()));
    }

    @Override
    public String implementationName() {
        return "waiting for a replacement of " + stoppedImplementation;
    }

    @Override
    public boolean isStateless() {
        return stateless && successor == null;
    }

    @Override
    public Set<TransferProtocol<?>> importProtocols() {
        return importable;
    }

    @Override
    public <S> void importState(TransferProtocol<S> protocol, S state) {
        keptProtocol = protocol;
        keptState = state;
    }

    @Override
    public Set<TransferProtocol<?>> exportProtocols() {
        if (successor != null) {
            return Set.of(HANDOVER);
        }
        TransferProtocol<?> kept = keptProtocol;
        return kept == null ? Set.of() : Set.of(kept);
    }

    @Override
    @SuppressWarnings("unchecked") // the protocol is one of exportProtocols(), whose state types are checked by the runtime
    public <S> S exportState(TransferProtocol<S> protocol) {
        if (protocol == HANDOVER && successor != null) {
            return (S) new Handover(successor);
        }
        if (protocol == keptProtocol && successor == null) {
            return (S) keptState;
        }
        throw new UnsupportedOperationException(implementationName() + " does not export " + protocol);
    }

    /** @return the protocol the kept state came in, or null (nothing kept: a stateless implementation) */
    TransferProtocol<?> keptProtocol() {
        return keptProtocol;
    }

    /** @return the kept state, or null */
    Object keptState() {
        return keptState;
    }

    /**
     * Releases the waiting calls, and every later one, to {@code next}. Called once, by the
     * extender, when {@code next} holds the kept state.
     *
     * @param next the successor, attached and with the state imported
     */
    void handOver(Root<?> next) {
        successor = next;
        ended.countDown();
    }

    /** The object is destroyed (the extender stops) or this root was swapped out: waiting calls end. */
    @Override
    public void destroy() {
        if (successor == null) {
            destroyed = true;
            ended.countDown();
        }
    }

    /** The single Rep's behaviour: wait for the successor, then run the call on it. Runs on client threads. */
    private final class WaitingCall implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> implementationName();
                };
            }
            Root<?> next = awaitSuccessor();
            Object rep = next.handleMiss(slotOfThisThread(next.slotCount()));
            try {
                return method.invoke(rep, args);
            } catch (InvocationTargetException e) { // the implementation's own exception, unchanged
                throw e.getCause();
            }
        }

        private Root<?> awaitSuccessor() {
            Root<?> next = successor;
            if (next != null) {
                return next;
            }
            try {
                ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SwapTimeoutException("call on clustered object '" + objectName
                        + "' interrupted while it waited for an implementation");
            }
            next = successor;
            if (next != null) {
                return next;
            }
            if (destroyed) {
                throw new IllegalStateException("clustered object '" + objectName
                        + "' was destroyed while a call waited for an implementation");
            }
            throw new SwapTimeoutException("call on clustered object '" + objectName + "' waited "
                    + timeout.toMillis() + " ms for an implementation: " + stoppedImplementation
                    + " stopped and no other allowed implementation is active");
        }

        /** Any slot serves a waiting call correctly; spread them as the runtime does, by thread. */
        private int slotOfThisThread(int slots) {
            long mixed = Thread.currentThread().getId() * 0x9E3779B97F4A7C15L;
            return (int) (mixed >>> 32) & (slots - 1);
        }
    }
}
