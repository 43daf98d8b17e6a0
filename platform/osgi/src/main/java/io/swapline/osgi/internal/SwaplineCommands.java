package io.swapline.osgi.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.felix.service.command.Descriptor;

import io.swapline.api.ClusteredObject;
import io.swapline.api.SwapRecord;
import io.swapline.api.SwapRefusedException;

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
    static final String SCOPE = "swapline";
    /** The command functions: public methods of this class. */
    static final String[] FUNCTIONS = {"list", "info", "swap", "history"};

    private final PublishedObjects objects;

    SwaplineCommands(PublishedObjects objects) {
        this.objects = objects;
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

    private static List<String> lines(List<SwapRecord> records) {
        if (records.isEmpty()) {
            return List.of("no swaps");
        }
        return records.stream().map(SwaplineCommands::line).toList();
    }

    private static String line(SwapRecord record) {
        return record.startedAt() + " " + record;
    }
}
