package io.swapline.osgi.objects;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * It keeps the stopping implementation's state in <em>every</em> whole-object protocol that
 * implementation exports: the swap to it transfers the best one, and while the stopping
 * implementation is still quiescent in that Transfer phase this root exports the others from it
 * too ({@link #importState}). So a successor that arrives later is negotiated with exactly as a
 * direct swap from the stopped implementation would negotiate with it, per-Rep protocols apart: a
 * waiting root has one Rep, so it cannot give each Rep index back (an implementation that exports
 * only per-Rep protocols cannot wait; the extender leaves it serving from its stopped revision).
 * It exports what it kept ({@link #exportProtocols}).
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

    private static final Logger LOG = LoggerFactory.getLogger(PublishedObjects.class);

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
    private final Root<?> stopping;
    private final Set<TransferProtocol<?>> importable;
    private final CountDownLatch ended = new CountDownLatch(1);
    /** The kept states by protocol; written once, in the Transfer phase of the swap to this root. */
    private volatile Map<TransferProtocol<?>, Object> kept = Map.of();
    private volatile Root<?> successor;
    /** Why waiting calls end without a successor, once they must (null: they have not ended). */
    private volatile String endedBecause;
    /** Why the last successor that arrived did not take the kept state, or null. */
    private volatile String lastRefusal;

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
        this.stopping = stopping;
        this.importable = stopping.exportProtocols().stream()
                .filter(protocol -> protocol.scope() == TransferProtocol.Scope.OBJECT)
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

    /**
     * Keeps {@code state} and, from the stopping implementation (quiescent: this is the Transfer
     * phase of the swap to this root), the state in each of its other whole-object protocols. An
     * export that fails only loses that protocol (logged): the negotiated one is kept.
     */
    @Override
    public <S> void importState(TransferProtocol<S> protocol, S state) {
        Map<TransferProtocol<?>, Object> states = new LinkedHashMap<>();
        states.put(protocol, state);
        for (TransferProtocol<?> other : importable) {
            if (other != protocol) {
                try {
                    states.put(other, Objects.requireNonNull(stopping.exportState(other), "exported null"));
                } catch (RuntimeException e) {
                    LOG.warn("'{}': {} could not export its state through {} as well, so a successor cannot take it"
                            + " that way: {}", objectName, stoppedImplementation, other, e.toString());
                }
            }
        }
        kept = Map.copyOf(states);
    }

    @Override
    public Set<TransferProtocol<?>> exportProtocols() {
        if (successor != null) {
            return Set.of(HANDOVER);
        }
        return kept.keySet();
    }

    @Override
    @SuppressWarnings("unchecked") // the protocol is one of exportProtocols(), whose state types are checked by the runtime
    public <S> S exportState(TransferProtocol<S> protocol) {
        if (protocol == HANDOVER && successor != null) {
            return (S) new Handover(successor);
        }
        Object state = kept.get(protocol);
        if (state != null && successor == null) {
            return (S) state;
        }
        throw new UnsupportedOperationException(implementationName() + " does not export " + protocol);
    }

    /** @return the successor the waiting calls were handed over to, or null */
    Root<?> successor() {
        return successor;
    }

    /** @return the protocols the kept state is in (empty for a stateless implementation) */
    Set<TransferProtocol<?>> keptProtocols() {
        return kept.keySet();
    }

    /**
     * Records why a successor did not take the kept state: waiting calls that time out say it.
     *
     * @param refusal one line
     */
    void refused(String refusal) {
        lastRefusal = refusal;
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

    /**
     * Ends the waiting calls without a successor: they fail with {@code reason}. For an object that
     * is destroyed (the extender stops, or the object moves to a new interface).
     *
     * @param reason e.g. "was destroyed because the extender stopped"
     */
    void end(String reason) {
        if (successor == null) {
            endedBecause = reason;
            ended.countDown();
        }
    }

    /** The object is destroyed or this root was swapped out: waiting calls end. */
    @Override
    public void destroy() {
        end("was destroyed while a call waited for an implementation");
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
            String because = endedBecause;
            if (because != null) {
                throw new IllegalStateException("clustered object '" + objectName + "' " + because);
            }
            String refusal = lastRefusal;
            throw new SwapTimeoutException("call on clustered object '" + objectName + "' waited "
                    + timeout.toMillis() + " ms for an implementation: " + stoppedImplementation + " stopped and "
                    + (refusal == null ? "no other allowed implementation is active"
                            : "the implementation that arrived did not take its state: " + refusal));
        }

        /** Any slot serves a waiting call correctly; spread them as the runtime does, by thread. */
        private int slotOfThisThread(int slots) {
            long mixed = Thread.currentThread().getId() * 0x9E3779B97F4A7C15L;
            return (int) (mixed >>> 32) & (slots - 1);
        }
    }
}
