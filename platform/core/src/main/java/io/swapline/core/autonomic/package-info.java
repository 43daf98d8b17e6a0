/**
 * Autonomic swaps, the platform's side: per object and opt-in, an {@link
 * io.swapline.core.autonomic.AutonomicPolicy} names candidate implementations and how eagerly to
 * move between them; {@link io.swapline.core.autonomic.AutonomicPolicies} samples the serving
 * implementation's signals on a schedule and swaps through the runtime's ordinary swap (or a
 * layer's own, {@link io.swapline.core.autonomic.PolicySwapper}) when
 * {@link io.swapline.core.autonomic.PolicyDecider} says another candidate suits the workload.
 * The decision is a pure function of the policy, the signals, the clock and the pacing state, so
 * tests drive it with simulated signals and a fake clock.
 */
@Export
@Version("0.1.0")
package io.swapline.core.autonomic;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
