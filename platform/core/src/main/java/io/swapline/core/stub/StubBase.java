package io.swapline.core.stub;

import io.swapline.core.table.LocalTable;

/**
 * The superclass of every generated stub. It fixes the meaning of the three {@code Object}
 * methods so that none of them reaches an implementation: a stub is equal only to itself, its
 * hash code is its identity hash, and its string names the clustered object.
 *
 * <p>Public only because stubs are defined in their own class loaders; not an API.
 */
public abstract class StubBase {

    private final String objectName;
    private final String interfaceName;

    /**
     * Called by generated constructors.
     *
     * @param table the clustered object's local table
     */
    protected StubBase(LocalTable table) {
        this.objectName = table.name();
        this.interfaceName = table.type().getName();
    }

    @Override
    public final boolean equals(Object other) {
        return this == other;
    }

    @Override
    public final int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public final String toString() {
        return "ClusteredObject[" + objectName + ": " + interfaceName + "]";
    }
}
