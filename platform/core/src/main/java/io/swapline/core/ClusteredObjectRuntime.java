package io.swapline.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;

import javax.management.MBeanServer;

import io.swapline.api.ClusteredObject;
import io.swapline.api.ClusteredObjectRegistry;
import io.swapline.api.ClusteredRoot;
import io.swapline.api.DistributedRoot;
import io.swapline.api.Root;
import io.swapline.api.RootKind;
import io.swapline.api.SharedRoot;
import io.swapline.api.SwapPhase;
import io.swapline.api.SwapRecord;
import io.swapline.api.SwapRefusedException;
import io.swapline.core.management.ClusteredObjectManagement;
import io.swapline.core.quiesce.PlatformActivities;
import io.swapline.core.stub.Stubs;
import io.swapline.core.swap.Swap;
import io.swapline.core.swap.SwapContext;
import io.swapline.core.table.GlobalTranslationTable;
import io.swapline.core.table.LocalTable;
import io.swapline.core.table.ProcessorSlots;

/**
 * The clustered-object runtime: a registry of named objects over one global translation
 * table. Use one per application (the OSGi platform makes one per framework).
 */
public final class ClusteredObjectRuntime implements ClusteredObjectRegistry, AutoCloseable {

    /** The cluster size of {@link RootKind#CLUSTERED} objects made from a Rep factory. */
    public static final int DEFAULT_CLUSTER_SIZE = 2;

    private final GlobalTranslationTable table;
    private final ConcurrentMap<String, ManagedObject<?>> byName = new ConcurrentHashMap<>();
    /** Replaced whole by {@link #setSwapDeadlines}; each swap reads it once, when it starts. */
    private volatile SwapContext swapContext;
    private volatile ClusteredObjectManagement management;

    /** A runtime with one slot per processor of this machine (rounded up to a power of two). */
    public ClusteredObjectRuntime() {
        this(ProcessorSlots.forThisMachine().count());
    }

    /**
     * A runtime with the given number of slots and default swap deadlines.
     *
     * @param slots the number of processor slots, a positive power of two
     * @throws IllegalArgumentException if {@code slots} is not a positive power of two
     */
    public ClusteredObjectRuntime(int slots) {
        this(slots, SwapDeadlines.DEFAULT);
    }

    /**
     * A runtime with the given number of slots and swap deadlines.
     *
     * @param slots the number of processor slots, a positive power of two
     * @param deadlines how long each swap phase may take before the swap rolls back
     * @throws IllegalArgumentException if {@code slots} is not a positive power of two
     */
    public ClusteredObjectRuntime(int slots, SwapDeadlines deadlines) {
        Objects.requireNonNull(deadlines, "deadlines");
        this.table = new GlobalTranslationTable(ProcessorSlots.of(slots));
        this.swapContext = new SwapContext(deadlines.forward(), deadlines.block(), deadlines.transfer(),
                new PlatformActivities("swapline-activity"));
    }

    /**
     * The deadlines the next swap will run with.
     *
     * @return the current deadlines
     */
    public SwapDeadlines swapDeadlines() {
        SwapContext context = swapContext;
        return new SwapDeadlines(context.forward(), context.block(), context.transfer());
    }

    /**
     * Changes the deadlines for the swaps that start from now on. A swap already running keeps
     * the deadlines it started with (it read them once, when it took the object's swap lock), and
     * so do the calls it blocks; a settings change never shortens or stretches a swap in progress.
     *
     * @param deadlines the new deadlines
     */
    public void setSwapDeadlines(SwapDeadlines deadlines) {
        Objects.requireNonNull(deadlines, "deadlines");
        SwapContext current = swapContext; // the activities are the runtime's for its whole life
        swapContext = new SwapContext(deadlines.forward(), deadlines.block(), deadlines.transfer(),
                current.activities());
    }

    /**
     * The platform's own executor: a task run there is an activity, counted in generations, so a
     * swap waits for it without inspecting its thread's stack. Run the platform's own work here
     * (commands, background jobs) rather than on threads of your own.
     *
     * @return the executor
     */
    public Executor activityExecutor() {
        return swapContext.activities()::execute;
    }

    /**
     * Whether a thread belongs to the {@linkplain #activityExecutor() activity executor}.
     *
     * @param thread a thread
     * @return true for a platform thread
     */
    public boolean isPlatformThread(Thread thread) {
        return swapContext.activities().owns(thread);
    }

    /**
     * The number of processor slots of this runtime.
     *
     * @return a power of two
     */
    public int slotCount() {
        return table.slots().count();
    }

    @Override
    public <T> ClusteredObject<T> create(String name, Class<T> type, Root<? extends T> root) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(root, "root");
        Stubs.checkStubbable(type);
        if (root.slotCount() != 0) {
            throw new IllegalStateException("the root " + root.getClass().getName()
                    + " already belongs to a clustered object");
        }
        // The name is reserved for the whole creation (one map bin locked), so a lost race
        // for it is detected before the root is attached.
        @SuppressWarnings("unchecked")
        ManagedObject<T> object = (ManagedObject<T>) byName.compute(name, (key, existing) -> {
            if (existing != null) {
                throw duplicate(name, existing);
            }
            root.attach(table.slots().count());
            LocalTable local = table.allocate(name, type, root);
            try {
                return new ManagedObject<>(this, type, local, Stubs.newStub(type, name, local), root);
            } catch (RuntimeException e) {
                table.free(local);
                throw e;
            }
        });
        ClusteredObjectManagement mbeans = management;
        if (mbeans != null) {
            mbeans.register(object);
        }
        return object;
    }

    @Override
    public <T> ClusteredObject<T> create(String name, Class<T> type, RootKind kind,
            IntFunction<? extends T> repFactory) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(repFactory, "repFactory");
        Root<T> root = switch (kind) {
            case SHARED -> SharedRoot.of(() -> repFactory.apply(0));
            case DISTRIBUTED -> DistributedRoot.of(repFactory);
            case CLUSTERED -> ClusteredRoot.of(DEFAULT_CLUSTER_SIZE, repFactory);
        };
        return create(name, type, root);
    }

    @Override
    public Optional<ClusteredObject<?>> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @Override
    public <T> Optional<ClusteredObject<T>> find(String name, Class<T> type) {
        ManagedObject<?> object = byName.get(name);
        if (object == null) {
            return Optional.empty();
        }
        return Optional.of(checkType(object, type));
    }

    @Override
    public Collection<ClusteredObject<?>> objects() {
        return new ArrayList<>(byName.values());
    }

    @Override
    public <T> SwapRecord swap(ClusteredObject<T> object, Root<? extends T> newRoot) {
        ManagedObject<?> managed = own(object);
        Objects.requireNonNull(newRoot, "newRoot");
        if (newRoot.slotCount() != 0) {
            throw new IllegalStateException("the root " + newRoot.implementationName()
                    + " already belongs to a clustered object");
        }
        ReentrantLock lock = managed.swapLock();
        Duration queue = swapContext.queue();
        if (!tryLock(lock, queue)) {
            SwapRecord refused = new SwapRecord(managed.name(), managed.currentRoot().implementationName(),
                    newRoot.implementationName(), "none", SwapPhase.REFUSED, "another swap of the object did not end within "
                    + queue.toMillis() + " ms", Instant.now(), Map.of(), 0, 0, Duration.ZERO);
            managed.record(refused);
            throw new SwapRefusedException(refused);
        }
        try {
            if (!managed.isLive()) {
                throw managed.table().destroyedException();
            }
            SwapRecord record = new Swap(managed, newRoot, swapContext).run(); // the deadlines read once, at its start
            managed.record(record);
            return record;
        } catch (SwapRefusedException e) {
            managed.record(e.record());
            throw e;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The implementation serving an object now, for platform services that read it without
     * calling it (the autonomic policy samples its {@code WorkloadSignals}). Not for clients:
     * they call the stub. The answer may be stale as soon as it returns, since a swap can
     * complete at any time.
     *
     * @param object an object of this runtime
     * @return its current root
     * @throws IllegalStateException if the object was destroyed
     * @throws IllegalArgumentException if the object belongs to another runtime
     */
    public Root<?> currentRoot(ClusteredObject<?> object) {
        ManagedObject<?> managed = own(object);
        if (!managed.isLive()) {
            throw managed.table().destroyedException();
        }
        return managed.currentRoot();
    }

    @Override
    public void destroy(ClusteredObject<?> object) {
        ManagedObject<?> managed = own(object);
        ReentrantLock lock = managed.swapLock();
        lock.lock(); // a swap in progress ends first (its phases have deadlines)
        try {
            if (!managed.isLive()) {
                return;
            }
            table.free(managed.table());
            byName.remove(managed.name(), managed);
            ClusteredObjectManagement mbeans = management;
            if (mbeans != null) {
                mbeans.unregister(managed.name());
            }
            Swap.destroyQuietly(managed.currentRoot(), managed.name());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Publishes every live object, and every object created from now on, as an MXBean
     * ({@code io.swapline:type=ClusteredObject,name=<name>}): name, interface, implementation, root
     * kind, slots in use, swap count, last swap and history, read when asked. Destroying an object
     * unregisters its MXBean. Call once; later calls do nothing.
     *
     * @param server the MBean server, usually {@code ManagementFactory.getPlatformMBeanServer()}
     */
    public synchronized void publishMBeans(MBeanServer server) {
        if (management != null) {
            return;
        }
        ClusteredObjectManagement mbeans = new ClusteredObjectManagement(Objects.requireNonNull(server, "server"));
        management = mbeans;
        byName.values().forEach(mbeans::register);
    }

    /** Stops the platform's activity threads. Objects stay usable; swaps do not. */
    @Override
    public void close() {
        swapContext.activities().close();
    }

    private static boolean tryLock(ReentrantLock lock, Duration wait) {
        try {
            return lock.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    ManagedObject<?> own(ClusteredObject<?> object) {
        Objects.requireNonNull(object, "object");
        if (!(object instanceof ManagedObject<?> managed) || managed.runtime() != this) {
            throw new IllegalArgumentException(object + " does not belong to this runtime");
        }
        return managed;
    }

    @SuppressWarnings("unchecked") // checked against the object's interface just before
    private static <T> ClusteredObject<T> checkType(ManagedObject<?> object, Class<T> type) {
        if (object.type() != type) {
            throw new IllegalArgumentException("clustered object '" + object.name() + "' implements "
                    + object.type().getName() + ", not " + type.getName());
        }
        return (ClusteredObject<T>) object;
    }

    private static IllegalArgumentException duplicate(String name, ManagedObject<?> existing) {
        return new IllegalArgumentException("a clustered object named '" + name + "' already exists ("
                + existing.type().getName() + ")");
    }
}
