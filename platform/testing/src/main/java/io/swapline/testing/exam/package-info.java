/**
 * Pax Exam options that boot the Swapline platform in an OSGi framework, for integration tests
 * of bundles that contribute or use clustered objects: {@code options(SwaplineOptions.swapline(),
 * ...your bundles...)} in a {@code @Configuration} method. See {@link
 * io.swapline.testing.exam.SwaplineOptions} for what it installs and where the jars come from.
 *
 * <p>Needs Pax Exam 4 on the test class path (this bundle imports it optionally and does not
 * bring it); the rest of the test kit works without it.
 */
@Export
@Version("0.2.0")
package io.swapline.testing.exam;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
