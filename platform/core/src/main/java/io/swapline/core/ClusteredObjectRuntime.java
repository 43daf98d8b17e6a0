package io.swapline.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import io.swapline.api.ClusteredObject;
import io.swapline.api.ClusteredObjectRegistry;
import io.swapline.api.ClusteredRoot;
import io.swapline.api.DistributedRoot;
import io.swapline.api.Root;
import io.swapline.api.RootKind;
import io.swapline.api.SharedRoot;
import io.swapline.core.stub.Stubs;
import io.swapline.core.table.GlobalTranslationTable;
import io.swapline.core.table.LocalTable;
import io.swapline.core.table.ProcessorSlots;

/**
 * The clustered-object runtime: a registry of named objects over one global translation
 * table. Use one per application (the OSGi platform makes one per framework).
 */
public final class ClusteredObjectRuntime implements ClusteredObjectRegistry {

    /** The cluster size of {@link RootKind#CLUSTERED} objects made from a Rep factory. */
    public static final int DEFAULT_CLUSTER_SIZE = 2;

    private final GlobalTranslationTable table;
    private final ConcurrentMap<String, ManagedObject<?>> byName = new ConcurrentHashMap<>();
    // Creates of one name take the same lock, so that a create that would lose the name to
    // another attaches no root and allocates nothing; creates of other names rarely share one.
    private final Object[] nameLocks = IntStream.range(0, 64).mapToObj(i -> new Object()).toArray();

    /** A runtime with one slot per processor of this machine (rounded up to a power of two). */
    public ClusteredObjectRuntime() {
        this(ProcessorSlots.forThisMachine());
    }

    /**
     * A runtime with the given slots.
     *
     * @param slots the processor slots
     */
    public ClusteredObjectRuntime(ProcessorSlots slots) {
        this.table = new GlobalTranslationTable(Objects.requireNonNull(slots, "slots"));
    }

    /**
     * The slots of this runtime.
     *
     * @return the slots
     */
    public ProcessorSlots slots() {
        return table.slots();
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
        synchronized (nameLock(name)) { // no other create of this name between check and registration
            ManagedObject<?> existing = byName.get(name);
            if (existing != null) {
                throw duplicate(name, existing);
            }
            root.attach(table.slots().count());
            LocalTable local = table.allocate(name, type, root);
            T stub;
            try {
                stub = Stubs.newStub(type, name, local.callSite());
            } catch (RuntimeException e) {
                table.free(local);
                throw e;
            }
            ManagedObject<T> object = new ManagedObject<>(this, type, local, stub, root);
            existing = byName.putIfAbsent(name, object);
            if (existing != null) { // cannot happen while only creates register names; undo anyway
                table.free(local);
                throw duplicate(name, existing);
            }
            return object;
        }
    }

    private Object nameLock(String name) {
        return nameLocks[name.hashCode() & (nameLocks.length - 1)];
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
    public void destroy(ClusteredObject<?> object) {
        ManagedObject<?> managed = own(object);
        table.free(managed.table());
        byName.remove(managed.name(), managed);
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
