package io.swapline.core.autonomic;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import io.swapline.api.ClusteredObject;
import io.swapline.api.Root;
import io.swapline.api.SwapRecord;
import io.swapline.api.SwapRefusedException;
import io.swapline.api.autonomic.Signals;
import io.swapline.api.autonomic.WorkloadSignals;
import io.swapline.core.ClusteredObjectRuntime;

/**
 * One object's policy at work: each {@link #step(Instant) step} samples the serving
 * implementation, asks {@link PolicyDecider} and, on a swap decision, swaps through {@link
 * ClusteredObjectRuntime#swap}, the path every swap takes, or through the policy's {@link
 * PolicySwapper} where a layer above has its own. The policy itself may be replaced between steps
 * ({@link #update}); the pacing and the log stay.
 *
 * <p>Thread roles: {@link #step(Instant)} runs on one thread at a time (the policy scheduler's,
 * or a test's); it alone touches the pacing. {@link #status()} may be called from any thread: it
 * reads the last decision (volatile) and the swap log (guarded by itself).
 *
 * @param <T> the object's interface
 */
final class ObjectPolicy<T> {

    /** How many autonomic swaps the log keeps per object. */
    static final int LOG_LIMIT = 32;

    private final ClusteredObjectRuntime runtime;
    private final ClusteredObject<T> object;
    private volatile AutonomicPolicy<T> policy; // replaced by update(); each step reads it once
    private final SwapPacing pacing = new SwapPacing();
    private final Deque<AutonomicSwap> log = new ArrayDeque<>(); // guarded by itself
    private volatile PolicyDecision lastDecision;
    private volatile boolean enabled = true;

    ObjectPolicy(ClusteredObjectRuntime runtime, ClusteredObject<T> object, AutonomicPolicy<T> policy) {
        this.runtime = runtime;
        this.object = object;
        this.policy = policy;
    }

    AutonomicPolicy<T> policy() {
        return policy;
    }

    /**
     * Gives the policy new candidates or settings from the next step on; the pacing (dwell,
     * rate) and the log carry over.
     *
     * @param replacement the new policy
     */
    void update(AutonomicPolicy<T> replacement) {
        policy = replacement;
    }

    ClusteredObject<T> object() {
        return object;
    }

    void disable() {
        enabled = false;
    }

    /**
     * Samples, decides and, if so decided, swaps.
     *
     * @param now the policy clock's time
     * @return false once the object is destroyed (there is nothing left to sample)
     */
    boolean step(Instant now) {
        if (!enabled) {
            return true;
        }
        Root<?> root;
        try {
            root = runtime.currentRoot(object);
        } catch (IllegalStateException destroyed) {
            return false;
        }
        AutonomicPolicy<T> current = policy;
        Signals signals = root instanceof WorkloadSignals source ? source.sampleSignals() : Signals.NONE;
        PolicyDecision decision = PolicyDecider.decide(current, root.implementationName(), signals, now, pacing);
        lastDecision = decision;
        if (decision.isSwap()) {
            pacing.recordAttempt(now);
            PolicySwapper<T> swapper = current.swapper() != null ? current.swapper() : this::swapToNewRoot;
            log(swap(swapper, current, decision));
        }
        return true;
    }

    private AutonomicSwap swap(PolicySwapper<T> swapper, AutonomicPolicy<T> current, PolicyDecision decision) {
        try {
            return new AutonomicSwap(decision, swapper.swap(current.candidate(decision.target()), decision), null);
        } catch (SwapRefusedException e) {
            return new AutonomicSwap(decision, e.record(), null);
        } catch (IllegalStateException e) { // no swap ran: a stale decision, a failed factory, destroyed meanwhile
            return new AutonomicSwap(decision, null, e.getMessage());
        }
    }

    /** The swapper where no layer brings its own: the runtime's swap to a root from the candidate's factory. */
    private SwapRecord swapToNewRoot(Candidate<T> target, PolicyDecision decision) {
        Root<? extends T> newRoot;
        try {
            newRoot = target.factory().get();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("the factory of " + decision.target() + " failed: " + e, e);
        }
        if (newRoot == null) {
            throw new IllegalStateException("the factory of " + decision.target() + " returned null");
        }
        return runtime.swap(object, newRoot); // IllegalStateException if destroyed meanwhile or the root is reused
    }

    private void log(AutonomicSwap swap) {
        synchronized (log) {
            if (log.size() == LOG_LIMIT) {
                log.removeFirst();
            }
            log.addLast(swap);
        }
    }

    PolicyStatus status() {
        synchronized (log) {
            return new PolicyStatus(object.name(), enabled, policy.toString(), lastDecision, log.stream().toList());
        }
    }
}
