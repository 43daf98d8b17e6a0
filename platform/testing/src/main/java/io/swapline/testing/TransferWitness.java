package io.swapline.testing;

import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Watches the state transfer of one swap from inside it, where the object is quiescent: the
 * outgoing root observes its state just before it exports, the incoming root observes its state
 * just after it has imported, and the two observations must be equal.
 *
 * <p><b>Threads.</b> The runtime calls export and import on its transfer threads: once each for
 * a whole-state protocol, once per Rep and in parallel for a per-Rep protocol. The "before"
 * observation is taken once, under this witness's monitor, before any Rep is exported (every
 * exporting thread passes through {@link #beforeFirstRepExport}); the "after" observation is
 * taken by the thread that finishes the last Rep import, counted against the number of Reps the
 * outgoing root had when the first export began (the Reps the runtime transfers).
 */
final class TransferWitness {

    private final String swap;
    private final Findings findings;
    private Object before; // guarded by this
    private boolean observedBefore; // guarded by this
    private int repsToImport = -1; // guarded by this
    private int repsImported; // guarded by this
    private volatile boolean compared;

    /**
     * A witness for one swap.
     *
     * @param swap describes the swap in messages, e.g. "striped -> snapshot through kv-copy"
     * @param findings where a mismatch is recorded
     */
    TransferWitness(String swap, Findings findings) {
        this.swap = swap;
        this.findings = findings;
    }

    /** Called by the outgoing root before a whole-state export. */
    synchronized void beforeExport(Supplier<Object> outgoingState) {
        before = outgoingState.get();
        observedBefore = true;
    }

    /** Called by the outgoing root before each per-Rep export; observes once. */
    synchronized void beforeFirstRepExport(IntSupplier repsOfOutgoing, Supplier<Object> outgoingState) {
        if (!observedBefore) {
            repsToImport = repsOfOutgoing.getAsInt();
            before = outgoingState.get();
            observedBefore = true;
        }
    }

    /**
     * Called by the incoming root after a whole-state import.
     *
     * @throws IllegalStateException if the state differs, which rolls the swap back
     */
    void afterImport(Supplier<Object> incomingState) {
        compare(incomingState.get());
    }

    /**
     * Called by the incoming root after each per-Rep import; compares after the last one.
     *
     * @throws IllegalStateException if the state differs, which rolls the swap back
     */
    void afterRepImport(Supplier<Object> incomingState) {
        synchronized (this) {
            repsImported++;
            if (repsImported != repsToImport) {
                return;
            }
        }
        compare(incomingState.get());
    }

    /** Whether a before/after comparison took place (and passed, or the swap rolled back). */
    boolean compared() {
        return compared;
    }

    private void compare(Object after) {
        Object observed;
        synchronized (this) {
            if (!observedBefore) {
                findings.add(swap + ": the import ran without an export before it");
                compared = true;
                return;
            }
            observed = before;
        }
        compared = true;
        if (!Objects.equals(observed, after)) {
            String message = swap + ": the state changed across the transfer: before export "
                    + Findings.abbreviate(observed) + ", after import " + Findings.abbreviate(after);
            findings.add(message);
            throw new IllegalStateException("swap tester: " + message); // rolls the swap back
        }
    }
}
