/**
 * The example counter's API: the {@link io.swapline.examples.counter.Counter} interface and its
 * {@link io.swapline.examples.counter.CounterProtocols transfer protocols}.
 */
@Export
@Version("1.0.0")
package io.swapline.examples.counter;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
