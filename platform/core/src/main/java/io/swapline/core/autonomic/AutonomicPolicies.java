package io.swapline.core.autonomic;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.swapline.api.ClusteredObject;
import io.swapline.core.ClusteredObjectRuntime;

/**
 * The autonomic policies of one runtime: enable, disable and show a policy per object (what the
 * shell's {@code swapline:policy} calls), and the scheduler that samples and acts.
 *
 * <h2>Where sampling runs, and why</h2>
 * On one daemon thread this class owns ({@code swapline-policy}), never on a client's call path.
 * Not on the runtime's {@linkplain ClusteredObjectRuntime#activityExecutor() activity executor}:
 * a swap waits, in its Forward phase, for every activity that started before it, so a swap
 * driven from inside an activity would wait for itself until the Forward deadline and roll back.
 * One thread for all objects keeps sampling cheap and swaps of one runtime sequential; a swap
 * that takes long delays the other objects' next samples, never their calls.
 *
 * <p>Each object's steps run one at a time (a fixed-delay schedule on a single thread); an object
 * that is destroyed is dropped from the schedule at its next step.
 */
public final class AutonomicPolicies implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AutonomicPolicies.class.getName());

    private final ClusteredObjectRuntime runtime;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final ConcurrentMap<String, Scheduled> byObject = new ConcurrentHashMap<>();

    /**
     * Policies for a runtime, on the system clock.
     *
     * @param runtime the runtime whose objects they swap
     */
    public AutonomicPolicies(ClusteredObjectRuntime runtime) {
        this(runtime, Clock.systemUTC());
    }

    /**
     * Policies for a runtime, on a given clock (the dwell and rate rules read it).
     *
     * @param runtime the runtime whose objects they swap
     * @param clock the clock
     */
    public AutonomicPolicies(ClusteredObjectRuntime runtime, Clock clock) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "swapline-policy");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Enables a policy for an object: from now on its signals are sampled every
     * {@link AutonomicPolicy#samplingPeriod()} and it swaps by itself. Replaces a disabled
     * policy of the object (and its log).
     *
     * @param object an object of this runtime
     * @param policy the policy
     * @param <T> the object's interface
     * @throws IllegalStateException if a policy is already enabled for the object, or it was destroyed
     * @throws IllegalArgumentException if the object belongs to another runtime
     */
    public <T> void enable(ClusteredObject<T> object, AutonomicPolicy<T> policy) {
        Objects.requireNonNull(policy, "policy");
        runtime.currentRoot(object); // checks the object is this runtime's and live
        ObjectPolicy<T> objectPolicy = new ObjectPolicy<>(runtime, object, policy);
        byObject.compute(object.name(), (name, existing) -> {
            if (existing != null && existing.policy.status().enabled()) {
                throw new IllegalStateException("a policy is already enabled for '" + name + "'; disable it first");
            }
            Scheduled scheduled = new Scheduled(objectPolicy);
            scheduled.schedule(policy.samplingPeriod());
            return scheduled;
        });
    }

    /**
     * Gives an object's policy, enabled or disabled, new candidates or settings (where candidates
     * come and go with bundles), keeping its log and its pacing: the dwell and rate rules still
     * count the swaps it made. An enabled policy sampled at another period is rescheduled.
     *
     * @param object the object
     * @param policy the replacement
     * @param <T> the object's interface
     * @return false if the object has no policy (nothing changes)
     */
    @SuppressWarnings("unchecked") // the ObjectPolicy of this very object, so of its interface T
    public <T> boolean update(ClusteredObject<T> object, AutonomicPolicy<T> policy) {
        Objects.requireNonNull(policy, "policy");
        Scheduled updated = byObject.computeIfPresent(object.name(), (name, scheduled) -> {
            if (scheduled.policy.object() != object) {
                return scheduled; // another object of the same name: not this one's policy
            }
            Duration previousPeriod = scheduled.policy.policy().samplingPeriod();
            ((ObjectPolicy<T>) scheduled.policy).update(policy);
            if (!previousPeriod.equals(policy.samplingPeriod()) && scheduled.policy.status().enabled()) {
                scheduled.future.cancel(false);
                scheduled.schedule(policy.samplingPeriod());
            }
            return scheduled;
        });
        return updated != null && updated.policy.object() == object;
    }

    /**
     * Disables an object's policy: it stops sampling and swapping (a swap it started finishes);
     * its status and log stay for {@link #status(String)}.
     *
     * @param objectName the object
     * @return false if the object had no policy
     */
    public boolean disable(String objectName) {
        Scheduled scheduled = byObject.get(objectName);
        if (scheduled == null) {
            return false;
        }
        scheduled.policy.disable();
        scheduled.future.cancel(false);
        return true;
    }

    /**
     * An object's policy status.
     *
     * @param objectName the object
     * @return the status, or empty if no policy was ever enabled for it
     */
    public Optional<PolicyStatus> status(String objectName) {
        return Optional.ofNullable(byObject.get(objectName)).map(scheduled -> scheduled.policy.status());
    }

    /**
     * Every object's policy status.
     *
     * @return a snapshot, in no particular order
     */
    public List<PolicyStatus> statuses() {
        List<PolicyStatus> result = new ArrayList<>();
        byObject.values().forEach(scheduled -> result.add(scheduled.policy.status()));
        return result;
    }

    /** Stops sampling; a swap in progress finishes. */
    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    /** An object's policy and its place in the schedule. */
    private final class Scheduled {
        final ObjectPolicy<?> policy;
        volatile ScheduledFuture<?> future; // set right after scheduling, before the first step can matter

        Scheduled(ObjectPolicy<?> policy) {
            this.policy = policy;
        }

        void schedule(Duration period) {
            long nanos = period.toNanos();
            future = scheduler.scheduleWithFixedDelay(this::step, nanos, nanos, TimeUnit.NANOSECONDS);
        }

        void step() {
            boolean live;
            try {
                live = policy.step(clock.instant());
            } catch (RuntimeException e) { // an exception would silently end the schedule
                LOG.log(System.Logger.Level.WARNING, "policy step of '" + policy.object().name() + "' failed", e);
                return;
            }
            if (!live) {
                policy.disable();
                ScheduledFuture<?> scheduled = future;
                if (scheduled != null) { // null only if the first step ran before enable() stored it
                    scheduled.cancel(false);
                }
                byObject.remove(policy.object().name(), this);
            }
        }
    }
}
