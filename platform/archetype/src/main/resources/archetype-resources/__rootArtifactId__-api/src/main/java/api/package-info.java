/**
 * The counter's API: the {@link ${package}.api.Counter} interface clients call, and the
 * {@link ${package}.api.CounterProtocols transfer protocols} its implementations exchange
 * state through during a swap.
 */
@Export
@Version("1.0.0")
package ${package}.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
