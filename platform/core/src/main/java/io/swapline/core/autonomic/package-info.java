/**
 * Autonomic swaps, the platform's side: per object and opt-in, an {@link
 * io.swapline.core.autonomic.AutonomicPolicy} names candidate implementations and how eagerly to
 * move between them; {@link io.swapline.core.autonomic.AutonomicPolicies} samples the serving
 * implementation's signals on a schedule and swaps through the runtime's ordinary swap (or a
 * layer's own, {@link io.swapline.core.autonomic.PolicySwapper}) when
 * {@link io.swapline.core.autonomic.PolicyDecider} says another candidate suits the workload.
 * The decision is a pure function of the policy, the signals, the clock and the pacing state, so
 * tests drive it with simulated signals and a fake clock.
 *
 * <p><b>Versioning.</b> Its types are final classes and records that applications build and
 * read (policies, decisions, statuses) but never implement or extend, so none carries a role
 * annotation, except {@link io.swapline.core.autonomic.PolicySwapper}, a callback a layer
 * implements ({@code @ConsumerType}). An interface added here is
 * {@link org.osgi.annotation.versioning.ProviderType @ProviderType} if the platform implements
 * it, {@link org.osgi.annotation.versioning.ConsumerType @ConsumerType} if applications do (a
 * callback, a clock).
 */
@Export
@Version("0.2.0")
package io.swapline.core.autonomic;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
