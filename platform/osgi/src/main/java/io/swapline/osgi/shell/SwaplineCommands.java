package io.swapline.osgi.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.felix.service.command.Descriptor;

import io.swapline.api.ClusteredObject;
import io.swapline.api.SwapRecord;
import io.swapline.api.SwapRefusedException;
import io.swapline.core.autonomic.AutonomicSwap;
import io.swapline.core.autonomic.PolicyDecision;
import io.swapline.core.autonomic.PolicyStatus;
import io.swapline.osgi.implementations.ImplementationProtocols;
import io.swapline.osgi.objects.ObjectView;
import io.swapline.osgi.objects.PublishedObjects;
import io.swapline.osgi.policy.ConfiguredPolicies;
import io.swapline.osgi.policy.PolicyCandidate;
import io.swapline.osgi.policy.PolicySettings;

/**
 * The extender's Gogo commands, scope {@code swapline}: registered as a plain service with the
 * {@code osgi.command.*} properties. Commands run on the shell's thread and return lines that
 * the shell prints.
 *
 * <p><b>Errors.</b> An unknown object, an implementation argument that names nothing or several
 * implementations, and a refused or rolled-back swap throw an exception whose message is one
 * line. Gogo 1.1's shell prints such an exception as one line,
 * {@code gogo: IllegalArgumentException: no clustered object named 'x'; objects: counter}, with
 * no stack trace, and keeps it in the session variable {@code exception}; a script (or a
 * {@code CommandSession.execute} caller) sees a failure rather than ordinary output.
 *
 * <p><b>Gogo.</b> {@link Descriptor} is Gogo's help annotation, from the Gogo runtime bundle; the
 * extender imports its package optionally (see {@code bnd.bnd}), so the extender resolves and runs
 * without a shell: annotations whose class cannot be loaded are ignored by reflection, and this
 * class never uses the annotation itself.
 */
public final class SwaplineCommands {

    /** The command scope. */
    public static final String SCOPE = "swapline";
    /** The command functions: public methods of this class. */
    public static final String[] FUNCTIONS = {"list", "info", "swap", "history", "policy"};

    private final PublishedObjects objects;
    private final ConfiguredPolicies policies;

    public SwaplineCommands(PublishedObjects objects) {
        this.objects = objects;
        this.policies = objects.policies();
    }

    /**
     * {@code swapline:list}: one line per clustered object.
     *
     * @return the lines, a header first
     */
    @Descriptor("list the clustered objects: name, interface, serving bundle and version, root kind, slots in use, swaps")
    public List<String> list() {
        List<String> lines = new ArrayList<>();
        lines.add("object | interface | implementation bundle | kind | slots | swaps");
        for (ObjectView view : objects.views()) {
            ClusteredObject<?> object = view.object();
            String implementation = view.waiting() ? "waiting (last: " + view.serving().bundleLabel() + ")"
                    : view.serving().bundleLabel();
            lines.add(object.name() + " | " + object.type().getName() + " | " + implementation + " | "
                    + object.kind() + " | " + object.slotsInUse() + " | " + object.swapCount());
        }
        return lines;
    }

    /**
     * {@code swapline:info <name>}: the object, its implementations with the protocols each
     * exports and imports (the serving one marked {@code *}, refused ones with the reason), and
     * its recent swap records.
     *
     * @param name the object's name
     * @return the lines
     * @throws IllegalArgumentException if no object has the name
     */
    @Descriptor("show an object's implementations (* serves; refused ones with the reason), the protocols each"
            + " exports and imports, and its recent swaps")
    public List<String> info(@Descriptor("the object's name, as swapline:list shows it") String name) {
        ObjectView view = objects.view(name);
        ClusteredObject<?> object = view.object();
        List<String> lines = new ArrayList<>();
        lines.add(object.name() + ": " + object.type().getName() + ", " + object.kind() + " root, "
                + object.slotsInUse() + " slot(s) in use, " + object.swapCount() + " swap(s)"
                + (view.waiting() ? ", WAITING for a replacement of " + view.serving().bundleLabel() + " (state kept)" : ""));
        lines.add("implementations (* serves):");
        for (ObjectView.Candidate candidate : view.candidates()) {
            String state = candidate.refusal() != null ? " | REFUSED: " + candidate.refusal()
                    : candidate.active() ? "" : " | bundle not active";
            lines.add((candidate.serving() ? "* " : "  ") + candidate.declaration().describe() + " | "
                    + ImplementationProtocols.describe(candidate.declaration()) + state);
        }
        lines.add("recent swaps:");
        if (view.history().isEmpty()) {
            lines.add("  none");
        }
        for (SwapRecord record : view.history()) {
            lines.add("  " + line(record));
        }
        return lines;
    }

    /**
     * {@code swapline:swap <name> <implementation>}: swaps the object now to another implementation
     * offered by an ACTIVE bundle, with state transfer; returns when the new implementation serves.
     *
     * @param name the object's name
     * @param implementation a bundle id, bundle symbolic name, root class name or its simple name
     * @return the swap's record
     * @throws IllegalArgumentException if no object has the name, or the argument names no
     *     offered implementation or several
     * @throws SwapRefusedException if the implementation is not authorised for the object or the
     *     swap is refused (no common protocol, another interface…)
     * @throws IllegalStateException if the swap rolled back
     */
    @Descriptor("swap an object to another implementation now, with state transfer; clients keep calling")
    public String swap(@Descriptor("the object's name, as swapline:list shows it") String name,
            @Descriptor("the implementation: bundle id, bundle symbolic name, root class or its simple name,"
                    + " as swapline:info shows it") String implementation) {
        return objects.swapTo(name, implementation);
    }

    /**
     * {@code swapline:history}: the swap records of every object, oldest first.
     *
     * @return one line per record
     */
    @Descriptor("show the swap records of every object, oldest first: time, implementations, outcome,"
            + " protocol, calls forwarded and blocked, time per phase")
    public List<String> history() {
        List<SwapRecord> records = new ArrayList<>();
        for (ObjectView view : objects.views()) {
            records.addAll(view.history());
        }
        records.sort(Comparator.comparing(SwapRecord::startedAt));
        return lines(records);
    }

    /**
     * {@code swapline:history <name>}: one object's swap records, oldest first.
     *
     * @param name the object's name
     * @return one line per record
     * @throws IllegalArgumentException if no object has the name
     */
    @Descriptor("show one object's swap records, oldest first")
    public List<String> history(@Descriptor("the object's name, as swapline:list shows it") String name) {
        return lines(objects.view(name).history());
    }

    /**
     * {@code swapline:policy}: one line per object: whether its autonomic policy is enabled, what
     * serves it and the policy's last decision.
     *
     * @return the lines, a header first
     */
    @Descriptor("list the objects' autonomic policies: object, enabled or disabled, serving implementation, last decision")
    public List<String> policy() {
        List<String> lines = new ArrayList<>();
        lines.add("object | policy | serving | last decision");
        for (ObjectView view : objects.views()) {
            String name = view.object().name();
            Optional<PolicyStatus> status = policies.status(name);
            lines.add(name + " | " + (status.map(PolicyStatus::enabled).orElse(false) ? "enabled" : "disabled") + " | "
                    + serving(view) + " | " + status.map(PolicyStatus::lastDecision).map(PolicyDecision::toString)
                            .orElse("none"));
        }
        return lines;
    }

    /**
     * {@code swapline:policy <name>}: an object's autonomic policy: its settings, its candidates
     * with the workloads they suit, the last signals and decision with its reason, and the recent
     * autonomic swaps.
     *
     * @param name the object's name
     * @return the lines
     * @throws IllegalArgumentException if no object has the name
     */
    @Descriptor("show an object's autonomic policy: settings, candidates (* serves) with the workloads they suit,"
            + " last signals, last decision and its reason, recent autonomic swaps")
    public List<String> policy(@Descriptor("the object's name, as swapline:list shows it") String name) {
        ObjectView view = objects.view(name);
        Optional<PolicyStatus> status = policies.status(name);
        boolean enabled = status.map(PolicyStatus::enabled).orElse(false);
        List<String> lines = new ArrayList<>();
        lines.add(name + ": autonomic policy " + (enabled ? "enabled, " + policies.settings(name).describe()
                : "disabled ('swapline:policy " + name + " enable', or " + PolicySettings.PREFIX + name + "=enabled)"));
        lines.add("serving: " + serving(view));
        lines.add("candidates (* serves, most preferred first):");
        List<PolicyCandidate> candidates = policies.candidates(name);
        if (candidates.isEmpty()) {
            lines.add("  none: no active implementation of '" + name + "' declares suits");
        }
        for (PolicyCandidate candidate : candidates) {
            boolean serves = !view.waiting() && candidate.className().equals(view.object().implementationName());
            lines.add((serves ? "* " : "  ") + candidate.declaration().describe() + " | suits "
                    + candidate.declaration().suits() + (candidate.refusal() == null ? "" : " | REFUSED: "
                    + candidate.refusal()));
        }
        PolicyDecision last = status.map(PolicyStatus::lastDecision).orElse(null);
        lines.add("last signals: " + (last == null ? "none yet" : last.signals() + " (at " + last.at() + ")"));
        lines.add("last decision: " + (last == null ? "none yet" : (last.isSwap() ? "swap to " + last.target()
                : "hold") + ": " + last.reason()));
        lines.add("recent autonomic swaps:");
        List<AutonomicSwap> swaps = status.map(PolicyStatus::swaps).orElse(List.of());
        if (swaps.isEmpty()) {
            lines.add("  none");
        }
        for (AutonomicSwap swap : swaps) {
            lines.add("  " + swap.decision().at() + " " + (swap.record() != null ? swap.record() : "not run: "
                    + swap.failure()) + " | why: " + swap.decision().reason());
        }
        return lines;
    }

    /**
     * {@code swapline:policy <name> enable|disable}: enables the object's autonomic policy (with the
     * settings of the framework properties) or disables it.
     *
     * @param name the object's name
     * @param action {@code enable} or {@code disable}
     * @return one line
     * @throws IllegalArgumentException if no object has the name, or the action is neither
     */
    @Descriptor("enable or disable an object's autonomic policy")
    public String policy(@Descriptor("the object's name, as swapline:list shows it") String name,
            @Descriptor("enable or disable") String action) {
        objects.view(name); // an unknown object fails as in every command
        return switch (action) {
            case "enable" -> policies.enable(name);
            case "disable" -> policies.disable(name);
            default -> throw new IllegalArgumentException("'" + action + "' is not an action of swapline:policy;"
                    + " use enable or disable");
        };
    }

    private static String serving(ObjectView view) {
        return view.waiting() ? "waiting (last: " + view.serving().bundleLabel() + ")"
                : view.object().implementationName() + " (" + view.serving().bundleLabel() + ")";
    }

    private List<String> lines(List<SwapRecord> records) {
        if (records.isEmpty()) {
            return List.of("no swaps");
        }
        return records.stream().map(this::line).toList();
    }

    /** A record, and for an autonomic swap the decision's reason: the record itself does not say why. */
    private String line(SwapRecord record) {
        return record.startedAt() + " " + record + policies.decisionOf(record)
                .map(decision -> " | autonomic: " + decision.reason()).orElse("");
    }
}
