/**
 * The Swapline runtime as a plain Java library: {@link io.swapline.core.ClusteredObjectRuntime}
 * creates, finds, swaps and destroys clustered objects without any framework.
 */
@Export
@Version("0.1.0")
package io.swapline.core;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
