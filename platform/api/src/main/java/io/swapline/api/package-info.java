/**
 * The Swapline SDK: what clients and component authors use. It depends on nothing but the JDK
 * (and, at build time, the OSGi annotations).
 *
 * <h2>Writing a swappable component</h2>
 * <ol>
 * <li><b>The interface and its transfer protocols</b> go into an API bundle that exports them to
 * implementations and clients alike: the interface clients call, and one
 * {@link io.swapline.api.TransferProtocol} constant per way the state can move between
 * implementations (a bit number each; the most significant bit both sides support wins). A state
 * type handed over by reference must live in that API package too.</li>
 * <li><b>An implementation</b> is a root class and its Reps. Extend the root that matches how the
 * state is spread: {@link io.swapline.api.SharedRoot} (one Rep for every thread: an ordinary
 * object made swappable), {@link io.swapline.api.DistributedRoot} (one Rep per processor slot) or
 * {@link io.swapline.api.ClusteredRoot} (one Rep per group of slots). Its
 * {@link io.swapline.api.Root#newRep(int) newRep} creates the Reps, the objects that implement
 * the interface. State every Rep shares lives in fields of the root; a Rep reaches it through
 * the root reference it was given in {@code newRep} (see {@link io.swapline.api.Root}).</li>
 * <li><b>Its state transfer</b>: override {@link io.swapline.api.Root#exportProtocols()} and
 * {@link io.swapline.api.Root#importProtocols()} with the protocols the implementation can hand
 * over and take over, and {@link io.swapline.api.Root#exportState exportState} /
 * {@link io.swapline.api.Root#importState importState} (or their per-Rep forms) to do it. An
 * implementation without state says so with {@link io.swapline.api.Root#isStateless()}.</li>
 * <li><b>Optional hooks</b>: {@link io.swapline.api.Root#destroy()} releases resources once the
 * implementation is let go; {@link io.swapline.api.Root#implementationName()} names it in records
 * and logs; {@link io.swapline.api.autonomic.WorkloadSignals} reports its workload for autonomic
 * swaps.</li>
 * <li><b>Declaring it</b> in a bundle: annotate the root with
 * {@link io.swapline.api.SwappableImplementation} and give it a public no-argument constructor.
 * The Swapline extender creates the object when the bundle starts, registers its stub as an OSGi
 * service under the interface, and swaps it live when the bundle is updated. Without a framework,
 * hand the root to a {@link io.swapline.api.ClusteredObjectRegistry} ({@code
 * io.swapline.core.ClusteredObjectRuntime}).</li>
 * </ol>
 *
 * <h2>What is called when, on which thread</h2>
 * <ul>
 * <li>Rep methods: on the clients' threads, concurrently. A shared Rep is called by every thread
 * at once; a Rep of a distributed or clustered root by every thread whose slot maps to it (a slot
 * is chosen from the thread's id, so several threads can share one). Reps must be thread-safe.</li>
 * <li>{@code newRep}: on the first call from a slot that has no Rep yet (a client's thread), or on
 * the thread driving a swap (the new root's first Rep is made while the swap is prepared, and
 * per-Rep imports create theirs); under the root's monitor, at most once per index.</li>
 * <li>{@code exportState}, {@code importState}, {@code destroy}: on the thread driving the swap
 * (the one that called {@code swap}, or that updated the bundle), while no call runs in the
 * object. The per-Rep forms run on several transfer threads at once, one Rep each.</li>
 * <li>{@code sampleSignals}: on the autonomic policy's sampler thread, never on a call path.</li>
 * </ul>
 *
 * <h2>What a call may throw</h2>
 * A call on a stub runs the Rep's method directly: whatever the Rep throws reaches the caller
 * unchanged. The platform adds two failures of its own: {@link java.lang.IllegalStateException}
 * naming the object once it has been destroyed, and {@link io.swapline.api.SwapTimeoutException}
 * when a call waited for a swap to end (or, on OSGi, for an implementation to arrive) longer than
 * its deadline. The first call from a slot without a Rep gets whatever {@code newRep} threw for
 * it, unchanged (see {@link io.swapline.api.Root#newRep(int)}: it must not happen after a swap).
 * A call never fails because a swap is in progress. A swap that cannot start
 * throws {@link io.swapline.api.SwapRefusedException} to whoever asked for it and leaves the
 * object as it was.
 *
 * <h2>Versioning: who implements what</h2>
 * This package follows OSGi semantic versioning, checked by bnd baselining. The <em>platform</em>
 * (bundle {@code io.swapline.core}) is the provider of this API; clients and component authors
 * are its consumers. Interfaces the platform implements are
 * {@link org.osgi.annotation.versioning.ProviderType @ProviderType}: adding a method to them is a
 * minor change ({@link io.swapline.api.ClusteredObject},
 * {@link io.swapline.api.ClusteredObjectRegistry}). Classes component authors extend are
 * {@link org.osgi.annotation.versioning.ConsumerType @ConsumerType}: a change that would break a
 * subclass is a major one ({@link io.swapline.api.Root} and its three kinds). Final classes,
 * records, enums and exceptions are the platform's values: nobody else implements them, so they
 * carry no role.
 */
@Export
@Version("0.2.0")
package io.swapline.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
