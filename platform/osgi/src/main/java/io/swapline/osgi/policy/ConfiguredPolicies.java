package io.swapline.osgi.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.swapline.api.ClusteredObject;
import io.swapline.api.SwapRecord;
import io.swapline.core.ClusteredObjectRuntime;
import io.swapline.core.autonomic.AutonomicPolicies;
import io.swapline.core.autonomic.AutonomicPolicy;
import io.swapline.core.autonomic.AutonomicSwap;
import io.swapline.core.autonomic.PolicyDecision;
import io.swapline.core.autonomic.PolicyStatus;
import io.swapline.osgi.implementations.Echo;

/**
 * The autonomic policies of the published objects: opt-in per object by framework property or
 * the object's configuration ({@link PolicySettings}, {@link #settingsChanged}) or by the shell, with the candidates {@code PublishedObjects} reports
 * (implementations of the object that declare {@code suits}) kept current as bundles come and go.
 *
 * <p>The sampling and deciding is the core's ({@link AutonomicPolicies}, on its
 * {@code swapline-policy} thread); every swap it decides is carried out by the extender's own
 * swap path ({@link SwapPath}, i.e. {@code PublishedObjects#swapAutonomically}), which makes the
 * root through the candidate's bundle, holds its revision and updates the service properties, as
 * for any swap. A decision made on candidates or a serving implementation that changed meanwhile
 * (an operator's swap, an update) is checked again under the extender's lock there and not run.
 *
 * <p><b>Threads and locks.</b> All methods are synchronized. {@code PublishedObjects} and the
 * classes it delegates to ({@code ObjectPublisher}, {@code ImplementationSwapper},
 * {@code StopWithoutReplacement}) call {@link #published} and {@link #candidatesChanged} holding
 * the PublishedObjects lock; the shell calls the rest without it. The policy thread takes the {@code PublishedObjects} lock (in the swap path)
 * and then this one, never the other way round: lock order PublishedObjects, then this, then the
 * core's.
 */
public final class ConfiguredPolicies {

    /** Carries out an autonomic swap the extender's way. */
    @FunctionalInterface
    public interface SwapPath {
        /**
         * @param objectName the object
         * @param className the candidate's root class
         * @param decision the decision that asks for the swap
         * @return the record
         */
        SwapRecord swap(String objectName, String className, PolicyDecision decision);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredPolicies.class);

    /** Framework property name to value: Config Admin's values over the framework's. */
    private final UnaryOperator<String> properties;
    private final AutonomicPolicies policies;
    private final SwapPath swapPath;
    private final Map<String, Entry> byObject = new HashMap<>();

    /**
     * @param properties the settings' source: a framework property's name to its value, or null
     * @param runtime the runtime
     * @param swapPath the extender's swap path
     */
    public ConfiguredPolicies(UnaryOperator<String> properties, ClusteredObjectRuntime runtime, SwapPath swapPath) {
        this.properties = properties;
        this.policies = new AutonomicPolicies(runtime);
        this.swapPath = swapPath;
    }

    /**
     * An object was created: its policy is enabled if {@code swapline.policy.<object>=enabled}.
     *
     * @param object the object
     * @param candidates its candidates now
     */
    public synchronized void published(ClusteredObject<?> object, List<PolicyCandidate> candidates) {
        PolicySettings settings = PolicySettings.read(properties, object.name());
        byObject.put(object.name(), new Entry(object, candidates, settings));
        if (settings.enabled()) {
            enable(object, settings, candidates);
            LOG.info("autonomic policy of '{}' enabled by {}{}=enabled: {}", object.name(), PolicySettings.PREFIX,
                    object.name(), policies.status(object.name()).orElseThrow().policy());
        }
    }

    /**
     * The object's candidates or their authorisation may have changed (a bundle started or
     * stopped, a swap changed the serving bundle): an existing policy gets the current ones.
     *
     * @param object the object
     * @param candidates its candidates now
     */
    public synchronized void candidatesChanged(ClusteredObject<?> object, List<PolicyCandidate> candidates) {
        Entry entry = byObject.get(object.name());
        if (entry == null || entry.object != object || entry.candidates.equals(candidates)) {
            return;
        }
        entry.candidates = candidates;
        Optional<PolicyStatus> status = policies.status(object.name());
        if (status.isPresent()) {
            PolicySettings settings = PolicySettings.read(properties, object.name());
            update(object, settings, candidates);
            LOG.info("autonomic policy of '{}' ({}): candidates now {}", object.name(),
                    status.get().enabled() ? "enabled" : "disabled", describe(candidates));
        }
    }

    /**
     * The object's settings may have changed (its configuration was updated or deleted): if
     * {@code policy} changed, the policy is enabled or disabled accordingly (a policy the shell
     * enabled or disabled stays so until then); if an enabled policy's other settings changed, it
     * goes on with the new ones (its log, dwell and rate window kept). Called holding the
     * PublishedObjects lock, so no swap of the extender's runs meanwhile.
     *
     * @param objectName the object
     */
    public synchronized void settingsChanged(String objectName) {
        Entry entry = byObject.get(objectName);
        if (entry == null) {
            return; // not published: its settings are read when it is
        }
        PolicySettings settings = PolicySettings.read(properties, objectName);
        PolicySettings previous = entry.settings;
        entry.settings = settings;
        if (settings.equals(previous)) {
            return;
        }
        boolean enabled = isEnabled(objectName);
        if (settings.enabled() != previous.enabled() && settings.enabled() != enabled) {
            if (settings.enabled()) {
                enable(entry.object, settings, entry.candidates);
                LOG.info("autonomic policy of '{}' enabled by its configuration: {}", objectName,
                        policies.status(objectName).orElseThrow().policy());
            } else {
                policies.disable(objectName);
                LOG.info("autonomic policy of '{}' disabled by its configuration", objectName);
            }
        } else if (enabled) {
            update(entry.object, settings, entry.candidates);
            LOG.info("autonomic policy of '{}' goes on with its new settings: {}", objectName, settings.describe());
        }
    }

    /**
     * Enables an object's policy ({@code swapline:policy <object> enable}), with the settings of
     * the framework properties and the object's configuration; a policy disabled before starts a new log.
     *
     * @param objectName the object
     * @return one line
     * @throws IllegalArgumentException if the extender published no such object
     */
    public synchronized String enable(String objectName) {
        Entry entry = entry(objectName);
        if (isEnabled(objectName)) {
            return "the autonomic policy of '" + objectName + "' is already enabled";
        }
        PolicySettings settings = PolicySettings.read(properties, objectName);
        enable(entry.object, settings, entry.candidates);
        LOG.info("autonomic policy of '{}' enabled from the shell", objectName);
        return "autonomic policy of '" + objectName + "' enabled: " + policies.status(objectName).orElseThrow().policy();
    }

    /**
     * Disables an object's policy ({@code swapline:policy <object> disable}); its log stays.
     *
     * @param objectName the object
     * @return one line
     * @throws IllegalArgumentException if the extender published no such object
     */
    public synchronized String disable(String objectName) {
        entry(objectName);
        if (!isEnabled(objectName)) {
            return "the autonomic policy of '" + objectName + "' is not enabled";
        }
        policies.disable(objectName);
        LOG.info("autonomic policy of '{}' disabled from the shell", objectName);
        return "autonomic policy of '" + objectName + "' disabled";
    }

    /**
     * @param objectName an object
     * @return its candidates, most preferred first (empty for an object the extender did not publish)
     */
    public synchronized List<PolicyCandidate> candidates(String objectName) {
        Entry entry = byObject.get(objectName);
        return entry == null ? List.of() : entry.candidates;
    }

    /**
     * @param objectName an object
     * @return its settings as the framework properties and its configuration give them now
     */
    public PolicySettings settings(String objectName) {
        return PolicySettings.read(properties, objectName);
    }

    /**
     * @param objectName an object
     * @return its policy's status, or empty if it never had an enabled policy
     */
    public synchronized Optional<PolicyStatus> status(String objectName) {
        return policies.status(objectName);
    }

    /**
     * The decision that made a swap, if an autonomic policy made it.
     *
     * @param record a swap record of the object
     * @return the decision, or empty for a swap an operator or a bundle event made
     */
    public synchronized Optional<PolicyDecision> decisionOf(SwapRecord record) {
        return policies.status(record.objectName()).stream().flatMap(status -> status.swaps().stream())
                .filter(swap -> record.equals(swap.record())).map(AutonomicSwap::decision).findFirst();
    }

    /** Stops sampling; for the extender's stop, before the objects are destroyed. */
    public synchronized void close() {
        policies.close();
    }

    private boolean isEnabled(String objectName) {
        return policies.status(objectName).map(PolicyStatus::enabled).orElse(false);
    }

    private Entry entry(String objectName) {
        Entry entry = byObject.get(objectName);
        if (entry == null) {
            throw new IllegalArgumentException("no clustered object named '" + Echo.input(objectName) + "'; objects: "
                    + (byObject.isEmpty() ? "none" : String.join(", ", byObject.keySet().stream().sorted().toList())));
        }
        return entry;
    }

    private <T> void enable(ClusteredObject<T> object, PolicySettings settings, List<PolicyCandidate> candidates) {
        policies.enable(object, policy(object, settings, candidates));
    }

    private <T> void update(ClusteredObject<T> object, PolicySettings settings, List<PolicyCandidate> candidates) {
        policies.update(object, policy(object, settings, candidates));
    }

    private <T> AutonomicPolicy<T> policy(ClusteredObject<T> object, PolicySettings settings,
            List<PolicyCandidate> candidates) {
        AutonomicPolicy.Builder<T> builder = settings.applyTo(AutonomicPolicy.builder());
        for (PolicyCandidate candidate : candidates) {
            String className = candidate.className();
            builder.candidate(className, () -> { // not called: the swapper below makes the root
                throw new IllegalStateException("the extender makes " + className + " through its bundle");
            }, candidate.declaration().suits());
        }
        Set<String> authorised = candidates.stream().filter(candidate -> candidate.refusal() == null)
                .map(PolicyCandidate::className).collect(Collectors.toUnmodifiableSet());
        return builder.authorised(authorised::contains)
                .swapper((target, decision) -> swapPath.swap(object.name(), target.implementationName(), decision))
                .build();
    }

    private static String describe(List<PolicyCandidate> candidates) {
        if (candidates.isEmpty()) {
            return "none";
        }
        return candidates.stream().map(candidate -> candidate.declaration().bundleLabel() + " ("
                + candidate.declaration().suits() + (candidate.refusal() == null ? "" : ", not authorised") + ")")
                .collect(Collectors.joining(", "));
    }

    /** One published object and its current candidates; guarded by the ConfiguredPolicies monitor. */
    private static final class Entry {
        final ClusteredObject<?> object;
        List<PolicyCandidate> candidates;
        /** The settings last read, to tell which of them a configuration change changed. */
        PolicySettings settings;

        Entry(ClusteredObject<?> object, List<PolicyCandidate> candidates, PolicySettings settings) {
            this.object = object;
            this.candidates = candidates;
            this.settings = settings;
        }
    }
}
