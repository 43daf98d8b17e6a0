/**
 * Autonomic swaps, the component author's side: measure your own workload cheaply
 * ({@link io.swapline.api.autonomic.StripedCounter}, {@link io.swapline.api.autonomic.RatioMeter}),
 * report it by name ({@link io.swapline.api.autonomic.WorkloadSignals},
 * {@link io.swapline.api.autonomic.Signals}), and declare which workloads an implementation suits
 * ({@link io.swapline.api.autonomic.Suitability}). The platform samples the signals on a schedule
 * and, where a policy is enabled for the object, swaps to the implementation that suits them.
 *
 * <p><b>Signal names are defined per interface family</b>, like transfer protocols: the family's
 * API names each signal and its unit (for example a counter family's {@code contention}, "CAS
 * retries per increment"), and every implementation of the family reports it in that unit,
 * measured where it can and estimated where it cannot. Signals are finite and non-negative.
 *
 * <p><b>Versioning.</b> {@link io.swapline.api.autonomic.WorkloadSignals} is implemented by
 * component authors' roots: {@link org.osgi.annotation.versioning.ConsumerType @ConsumerType}, so
 * adding a method to it is a major change. Everything else here is a final class or record the
 * platform defines, used as is.
 */
@Export
@Version("0.1.0")
package io.swapline.api.autonomic;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
