/**
 * The example counter's API: the {@link io.swapline.examples.counter.Counter} interface, its
 * {@link io.swapline.examples.counter.CounterProtocols transfer protocols} and the
 * {@link io.swapline.examples.counter.CounterSignals workload signals} its implementations report.
 */
@Export
@Version("1.1.0")
package io.swapline.examples.counter;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
