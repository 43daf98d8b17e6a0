package ${package}.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A counter that many threads increment at once: a small stateful component. Clients find it as
 * an OSGi service under this interface (property {@code swapline.object} = {@link #OBJECT}); its
 * implementations are roots annotated with
 * {@code @SwappableImplementation(object = Counter.OBJECT, type = Counter.class)}, and any of
 * them can replace the serving one while clients call it.
 */
@ProviderType
public interface Counter {

    /** The clustered object's name: the one the implementations contribute to. */
    String OBJECT = "${rootArtifactId}.counter";

    /** Adds one. When it returns normally, the increment is counted and survives swaps. */
    void increment();

    /**
     * The increments so far.
     *
     * @return the count
     */
    long count();

    /**
     * Which implementation serves the call, e.g. {@code "shared"}.
     *
     * @return the implementation's name
     */
    String implementation();
}
