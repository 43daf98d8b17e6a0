package io.swapline.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Attribute;
import org.osgi.annotation.bundle.Capability;
import org.osgi.annotation.bundle.Requirement;

/**
 * Contributes the annotated root as an implementation of a clustered object, with no activator
 * code: put it on a public {@link Root} subclass ({@link SharedRoot}, {@link DistributedRoot},
 * {@link ClusteredRoot}) that has a public no-argument constructor.
 *
 * <pre>{@code
 * @SwappableImplementation(object = "counter", type = Counter.class)
 * public final class SharedCounter extends SharedRoot<Counter> { ... }
 * }</pre>
 *
 * <p><b>What happens at build time.</b> bnd (bnd-maven-plugin, the bnd Gradle plugins, Bndtools) turns the
 * annotation into manifest headers of the bundle that contains the class; the annotation itself
 * is not kept at run time:
 * <pre>
 * Provide-Capability: io.swapline.implementation;class="com.example.SharedCounter";
 *   object=counter;interface="com.example.Counter"
 * Require-Capability: osgi.extender;filter:="(&amp;(osgi.extender=io.swapline)(version&gt;=0.1.0)(!(version&gt;=1.0.0)))"
 * </pre>
 * ({@code ranking} and {@code suits} appear only when set: bnd writes no attribute for an element left at its
 * default, and the extender reads a missing ranking as 0.)
 * The requirement keeps the bundle from resolving where no Swapline extender runs.
 *
 * <p><b>What happens at run time.</b> When the bundle becomes ACTIVE, the Swapline extender reads
 * the capability from the bundle's revision, loads the class through the bundle, instantiates it
 * and either creates the object (the first implementation of that name), registering the
 * object's stub as an OSGi service under {@link #type()}, or — when a new revision of the bundle
 * that provides the running implementation starts, as after {@code Bundle.update} — swaps the
 * live object to the new revision's root. Clients keep their service object; they are not
 * rebound or restarted. All of this runs on the thread that started (or updated) the bundle; for
 * bundles already active when the extender starts, on the thread that starts the extender.
 *
 * <p><b>The constructor</b> should be cheap and free of side effects: the extender makes an
 * instance only to serve, when it creates the object from this implementation or swaps the object
 * to it ({@code swapline:info} reads the protocols of the serving instance and makes none).
 * Acquire resources when the first Rep is made ({@link Root#newRep(int)}) and release them in
 * {@link Root#destroy()}.
 *
 * <p>Put the interface and the transfer protocols in an API bundle exported to both
 * implementation and client bundles: the implementation bundle must import the interface's
 * package, not contain a copy of it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Capability(namespace = SwappableImplementation.NAMESPACE, attribute = "class=${@class}")
// bnd copies the @Attribute elements below onto this requirement too (object=…;interface=…):
// harmless, a resolver matches requirements by their filter and ignores such attributes.
@Requirement(namespace = "osgi.extender", name = SwappableImplementation.EXTENDER, version = "0.1.0")
public @interface SwappableImplementation {

    /** The capability namespace under which a bundle declares its implementations. */
    String NAMESPACE = "io.swapline.implementation";

    /** The name of the Swapline extender in the {@code osgi.extender} namespace. */
    String EXTENDER = "io.swapline";

    /**
     * The clustered object's name, unique in the platform; every implementation of the object
     * names it alike.
     *
     * @return the object name
     */
    @Attribute("object")
    String object();

    /**
     * The object's interface: clients find the object as an OSGi service under this name.
     *
     * @return the interface the annotated root's Reps implement
     */
    @Attribute("interface")
    Class<?> type();

    /**
     * Preference among several bundles that implement the same object: higher wins.
     *
     * @return the ranking, 0 by default
     */
    @Attribute("ranking")
    int ranking() default 0;

    /**
     * The workloads this implementation suits, for autonomic swaps: signal ranges in the form
     * {@link io.swapline.api.autonomic.Suitability#parse(String)} reads, for example
     * {@code "contention <= 0.10"} or {@code "readRatio >= 0.8"}, over the signals the
     * interface family defines. An autonomic policy enabled for the object swaps to this
     * implementation when the sampled signals fall in these ranges and leaves it when they fall
     * outside; left empty, the implementation is never chosen autonomically. The extender rejects
     * a bundle whose text does not parse, with an error naming the class.
     *
     * @return the suitability, empty by default
     */
    @Attribute("suits")
    String suits() default "";
}
