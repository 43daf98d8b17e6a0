/**
 * The Swapline test kit for component authors: {@link io.swapline.testing.SwapTester} swaps a
 * clustered object back and forth between your implementations while client threads call it,
 * once through every transfer protocol the implementations share, and reports what happened in
 * a {@link io.swapline.testing.SwapTestReport}. Plain Java: it needs the Swapline API and core
 * on the class path, and no test framework (a failed check is an {@link java.lang.AssertionError},
 * which JUnit 4, JUnit 5 and TestNG all report as a test failure).
 *
 * <p><b>Versioning.</b> {@link io.swapline.testing.SwapClient} is implemented by the tests that
 * use the kit (usually as a lambda), so it is a
 * {@link org.osgi.annotation.versioning.ConsumerType consumer type}. Everything else is a final
 * class or record the kit defines and the tests use as is.
 */
@Export
@Version("0.1.0")
package io.swapline.testing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
