/**
 * The example client's service: {@link io.swapline.examples.counter.client.CounterLoad}.
 */
@Export
@Version("1.1.0")
package io.swapline.examples.counter.client;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
