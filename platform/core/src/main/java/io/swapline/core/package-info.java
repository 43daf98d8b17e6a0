/**
 * The Swapline runtime as a plain Java library: {@link io.swapline.core.ClusteredObjectRuntime}
 * creates, finds, swaps and destroys clustered objects without any framework.
 *
 * <p><b>Versioning.</b> This package is the platform's side: its types are final classes and
 * records that applications instantiate and call but never implement or extend, so none carries
 * a role annotation. An interface added here is
 * {@link org.osgi.annotation.versioning.ProviderType @ProviderType} if the platform implements
 * it, {@link org.osgi.annotation.versioning.ConsumerType @ConsumerType} if applications do.
 */
@Export
@Version("0.2.0")
package io.swapline.core;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
