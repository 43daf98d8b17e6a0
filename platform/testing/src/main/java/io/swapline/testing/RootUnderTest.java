package io.swapline.testing;

import java.util.Set;
import java.util.function.Function;

import io.swapline.api.ClusteredRoot;
import io.swapline.api.DistributedRoot;
import io.swapline.api.Root;
import io.swapline.api.SharedRoot;
import io.swapline.api.TransferProtocol;

/**
 * An author's root as the swap tester runs it: wrapped in a root of the same kind (and cluster
 * size) that serves the author's own Reps, but advertises, for the swap at hand, only the
 * transfer protocol under test, and lets a {@link TransferWitness} observe the state around the
 * transfer.
 *
 * <p>The wrapper is a {@link SharedRoot}, {@link DistributedRoot} or {@link ClusteredRoot} like
 * the author's root, so the runtime treats it exactly as it would treat the author's root (call
 * path, per-Rep protocol layout checks). The author's root is attached to the same slot count
 * the first time the wrapper needs it; the wrapper's Rep {@code i} is the author's Rep {@code i}.
 *
 * <p><b>Threads.</b> The tester's thread sets the advertised protocols and the witness before it
 * requests a swap; the runtime reads them during that swap (volatile fields). Export and import
 * run on the runtime's transfer threads.
 *
 * @param <T> the interface
 */
final class RootUnderTest<T> {

    private final String name;
    private final Root<? extends T> implementation;
    private final Function<? super T, ?> stateView;
    private final Findings findings;
    private final Root<T> root;
    private volatile Set<TransferProtocol<?>> exportsAdvertised; // null: the implementation's own
    private volatile Set<TransferProtocol<?>> importsAdvertised; // null: the implementation's own
    private volatile TransferWitness exportWitness;
    private volatile TransferWitness importWitness;

    private RootUnderTest(String name, Root<? extends T> implementation, Function<? super T, ?> stateView,
            Findings findings) {
        this.name = name;
        this.implementation = implementation;
        this.stateView = stateView;
        this.findings = findings;
        this.root = wrapperOfSameKind();
    }

    /**
     * Wraps a new root of the author's.
     *
     * @param name the implementation's name in the tester
     * @param implementation a root not attached to any object
     * @param stateView observes the state through a Rep, or null for no observation
     * @param findings where export and import failures are recorded
     * @param <T> the interface
     * @return the root under test
     * @throws IllegalArgumentException if the root is already attached
     */
    static <T> RootUnderTest<T> wrap(String name, Root<? extends T> implementation, Function<? super T, ?> stateView,
            Findings findings) {
        if (implementation == null) {
            throw new IllegalArgumentException("the supplier of implementation '" + name + "' returned null");
        }
        if (implementation.slotCount() != 0) {
            throw new IllegalArgumentException("the supplier of implementation '" + name
                    + "' returned a root that already belongs to an object; return a new root on every call");
        }
        return new RootUnderTest<>(name, implementation, stateView, findings);
    }

    /** The root to give the runtime. */
    Root<T> root() {
        return root;
    }

    /** The author's root. */
    Root<? extends T> implementation() {
        return implementation;
    }

    /** The implementation's name in the tester. */
    String name() {
        return name;
    }

    /**
     * Sets what this root advertises and who watches when it is the outgoing side of the next swap.
     *
     * @param protocol the only protocol to export, or null for all of the implementation's
     * @param witness the next swap's witness, or null
     */
    void prepareToExport(TransferProtocol<?> protocol, TransferWitness witness) {
        exportsAdvertised = protocol == null ? null : Set.of(protocol);
        exportWitness = witness;
    }

    /**
     * Sets what this root advertises and who watches when it is the incoming side of the next swap.
     *
     * @param protocol the only protocol to import, or null for all of the implementation's
     * @param witness the next swap's witness, or null
     */
    void prepareToImport(TransferProtocol<?> protocol, TransferWitness witness) {
        importsAdvertised = protocol == null ? null : Set.of(protocol);
        importWitness = witness;
    }

    // --- what the three wrapper kinds delegate to ---

    T newRep(int repIndex) {
        return attached().repFor(repIndex);
    }

    Set<TransferProtocol<?>> exportProtocols() {
        Set<TransferProtocol<?>> advertised = exportsAdvertised;
        return advertised != null ? advertised : implementation.exportProtocols();
    }

    Set<TransferProtocol<?>> importProtocols() {
        Set<TransferProtocol<?>> advertised = importsAdvertised;
        return advertised != null ? advertised : implementation.importProtocols();
    }

    <S> S exportState(TransferProtocol<S> protocol) {
        TransferWitness witness = exportWitness;
        if (witness != null) {
            witness.beforeExport(this::observe);
        }
        try {
            return attached().exportState(protocol);
        } catch (RuntimeException | Error e) {
            findings.add(name + " failed to export its state through " + protocol.name(), e);
            throw e;
        }
    }

    <S> void importState(TransferProtocol<S> protocol, S state) {
        try {
            attached().importState(protocol, state);
        } catch (RuntimeException | Error e) {
            findings.add(name + " failed to import a state through " + protocol.name(), e);
            throw e;
        }
        mirrorImplementationReps();
        TransferWitness witness = importWitness;
        if (witness != null) {
            witness.afterImport(this::observe);
        }
    }

    <S> S exportRepState(TransferProtocol<S> protocol, int repIndex) {
        TransferWitness witness = exportWitness;
        if (witness != null) {
            witness.beforeFirstRepExport(() -> root.repIndexes().length, this::observe);
        }
        try {
            return attached().exportRepState(protocol, repIndex);
        } catch (RuntimeException | Error e) {
            findings.add(name + " failed to export Rep " + repIndex + " through " + protocol.name(), e);
            throw e;
        }
    }

    <S> void importRepState(TransferProtocol<S> protocol, int repIndex, S state) {
        root.repFor(repIndex); // the wrapper's table holds every Rep the implementation has
        try {
            attached().importRepState(protocol, repIndex, state);
        } catch (RuntimeException | Error e) {
            findings.add(name + " failed to import Rep " + repIndex + " through " + protocol.name(), e);
            throw e;
        }
        TransferWitness witness = importWitness;
        if (witness != null) {
            witness.afterRepImport(this::observe);
        }
    }

    boolean isStateless() {
        return implementation.isStateless();
    }

    String implementationName() {
        return implementation.implementationName();
    }

    void destroy() {
        if (implementation.slotCount() != 0) {
            implementation.destroy();
        }
    }

    /**
     * The state as the author's state view sees it through one of this root's Reps (the lowest
     * existing one). Called only while the object is quiescent.
     */
    private Object observe() {
        if (stateView == null) {
            return null;
        }
        int[] indexes = root.repIndexes();
        T rep = indexes.length > 0 ? root.repAt(indexes[0]) : root.repFor(0);
        return stateView.apply(rep);
    }

    /** An import may create Reps of the implementation directly; the wrapper must know them too. */
    private void mirrorImplementationReps() {
        for (int index : implementation.repIndexes()) {
            root.repFor(index);
        }
    }

    /** The author's root, attached to the wrapper's slot count on first use. */
    private synchronized Root<? extends T> attached() {
        if (implementation.slotCount() == 0) {
            implementation.attach(root.slotCount());
        }
        return implementation;
    }

    private Root<T> wrapperOfSameKind() {
        return switch (implementation.kind()) {
            case SHARED -> new Shared<>(this);
            case DISTRIBUTED -> new Distributed<>(this);
            case CLUSTERED -> new Clustered<>(this, clusterSizeOf(implementation));
        };
    }

    private static int clusterSizeOf(Root<?> implementation) {
        if (implementation instanceof ClusteredRoot<?> clustered) {
            return clustered.clusterSize();
        }
        throw new IllegalArgumentException(implementation.getClass().getName()
                + " says it is CLUSTERED but does not extend ClusteredRoot: its cluster size is unknown");
    }

    /** The wrapper of a shared root. */
    private static final class Shared<T> extends SharedRoot<T> {
        private final RootUnderTest<T> under;

        Shared(RootUnderTest<T> under) {
            this.under = under;
        }

        @Override protected T newRep(int repIndex) { return under.newRep(repIndex); }
        @Override public Set<TransferProtocol<?>> exportProtocols() { return under.exportProtocols(); }
        @Override public Set<TransferProtocol<?>> importProtocols() { return under.importProtocols(); }
        @Override public <S> S exportState(TransferProtocol<S> p) { return under.exportState(p); }
        @Override public <S> void importState(TransferProtocol<S> p, S s) { under.importState(p, s); }
        @Override public <S> S exportRepState(TransferProtocol<S> p, int i) { return under.exportRepState(p, i); }
        @Override public <S> void importRepState(TransferProtocol<S> p, int i, S s) { under.importRepState(p, i, s); }
        @Override public boolean isStateless() { return under.isStateless(); }
        @Override public String implementationName() { return under.implementationName(); }
        @Override public void destroy() { under.destroy(); }
    }

    /** The wrapper of a distributed root. */
    private static final class Distributed<T> extends DistributedRoot<T> {
        private final RootUnderTest<T> under;

        Distributed(RootUnderTest<T> under) {
            this.under = under;
        }

        @Override protected T newRep(int repIndex) { return under.newRep(repIndex); }
        @Override public Set<TransferProtocol<?>> exportProtocols() { return under.exportProtocols(); }
        @Override public Set<TransferProtocol<?>> importProtocols() { return under.importProtocols(); }
        @Override public <S> S exportState(TransferProtocol<S> p) { return under.exportState(p); }
        @Override public <S> void importState(TransferProtocol<S> p, S s) { under.importState(p, s); }
        @Override public <S> S exportRepState(TransferProtocol<S> p, int i) { return under.exportRepState(p, i); }
        @Override public <S> void importRepState(TransferProtocol<S> p, int i, S s) { under.importRepState(p, i, s); }
        @Override public boolean isStateless() { return under.isStateless(); }
        @Override public String implementationName() { return under.implementationName(); }
        @Override public void destroy() { under.destroy(); }
    }

    /** The wrapper of a clustered root, with the same cluster size. */
    private static final class Clustered<T> extends ClusteredRoot<T> {
        private final RootUnderTest<T> under;

        Clustered(RootUnderTest<T> under, int clusterSize) {
            super(clusterSize);
            this.under = under;
        }

        @Override protected T newRep(int repIndex) { return under.newRep(repIndex); }
        @Override public Set<TransferProtocol<?>> exportProtocols() { return under.exportProtocols(); }
        @Override public Set<TransferProtocol<?>> importProtocols() { return under.importProtocols(); }
        @Override public <S> S exportState(TransferProtocol<S> p) { return under.exportState(p); }
        @Override public <S> void importState(TransferProtocol<S> p, S s) { under.importState(p, s); }
        @Override public <S> S exportRepState(TransferProtocol<S> p, int i) { return under.exportRepState(p, i); }
        @Override public <S> void importRepState(TransferProtocol<S> p, int i, S s) { under.importRepState(p, i, s); }
        @Override public boolean isStateless() { return under.isStateless(); }
        @Override public String implementationName() { return under.implementationName(); }
        @Override public void destroy() { under.destroy(); }
    }
}
