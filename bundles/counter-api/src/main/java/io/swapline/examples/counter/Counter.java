package io.swapline.examples.counter;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A counter many threads increment at once: the example clustered object. Clients find it as
 * an OSGi service under this interface; implementations are roots annotated with
 * {@code @SwappableImplementation(object = "counter", type = Counter.class)}.
 */
@ProviderType
public interface Counter {

    /** Adds one. When it returns normally, the increment is counted and survives swaps. */
    void increment();

    /**
     * The number of increments so far.
     *
     * @return the count
     */
    long get();

    /**
     * Which code serves the call, e.g. {@code "shared counter 1.0"}: shows which implementation
     * runs after a live update.
     *
     * @return a short description of the implementation
     */
    String implementation();
}
