package io.swapline.osgi.objects;

import java.util.Dictionary;
import java.util.Hashtable;

import io.swapline.api.ClusteredObject;
import io.swapline.osgi.implementations.ImplementationDeclaration;

/**
 * The properties of the service under which a clustered object's stub is registered. Clients
 * may filter on them, e.g. {@code @Reference(target = "(swapline.object=counter)")}.
 */
public final class ObjectServiceProperties {

    /** The clustered object's name. */
    static final String OBJECT = "swapline.object";
    /** Symbolic name of the bundle whose implementation serves the object now. */
    static final String IMPLEMENTATION_BUNDLE = "swapline.implementation.bundle";
    /** Version (a string) of that bundle's serving revision. */
    static final String IMPLEMENTATION_VERSION = "swapline.implementation.version";
    /** The root class of the serving implementation. */
    static final String IMPLEMENTATION_CLASS = "swapline.implementation.class";
    /** The serving root's kind: SHARED, DISTRIBUTED or CLUSTERED. */
    static final String ROOT_KIND = "swapline.root.kind";
    /** True while the object's implementation stopped and calls wait for a replacement (the bundle properties name the last one). */
    static final String WAITING = "swapline.waiting";
    /** Completed swaps of the object. */
    static final String SWAP_COUNT = "swapline.swap.count";

    private ObjectServiceProperties() {
    }

    static Dictionary<String, Object> of(ClusteredObject<?> object, ImplementationDeclaration implementation,
            boolean waiting) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(OBJECT, object.name());
        properties.put(IMPLEMENTATION_BUNDLE, implementation.symbolicName());
        properties.put(IMPLEMENTATION_VERSION, implementation.version().toString());
        properties.put(IMPLEMENTATION_CLASS, implementation.className());
        properties.put(ROOT_KIND, object.kind().name());
        properties.put(SWAP_COUNT, object.swapCount());
        properties.put(WAITING, waiting);
        return properties;
    }
}
