/**
 * The example counter's API: the {@link io.swapline.examples.counter.Counter} interface, its
 * {@link io.swapline.examples.counter.CounterProtocols transfer protocols} and the
 * {@link io.swapline.examples.counter.CounterSignals workload signals} its implementations report.
 *
 * <p><b>Versioning.</b> As for any OSGi service interface, the implementation bundles are the
 * providers of this API and the client bundles its consumers:
 * {@link io.swapline.examples.counter.Counter} is a
 * {@link org.osgi.annotation.versioning.ProviderType provider type} even though component
 * authors write its implementations (the Reps). Adding a method to it breaks only them, and
 * they import this package with bnd's provider range
 * ({@code [1.0,1.1)}), clients with the consumer range ({@code [1.0,2)}). The protocol
 * constants are a final class.
 */
@Export
@Version("1.1.0")
package io.swapline.examples.counter;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
