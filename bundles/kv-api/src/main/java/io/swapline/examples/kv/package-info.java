/**
 * The example key-value store's API: the {@link io.swapline.examples.kv.KeyValueStore}
 * interface, its immutable {@link io.swapline.examples.kv.KvSnapshot snapshot} type, and the
 * {@link io.swapline.examples.kv.KvProtocols transfer protocols} its implementations hand their
 * state over by. The snapshot type lives here, in the API bundle, so that every implementation
 * bundle — and every revision of one — loads the same class, which is what lets a snapshot be
 * handed over by reference.
 *
 * <p><b>Versioning.</b> As for any OSGi service interface, the implementation bundles are the
 * providers of this API and the client bundles its consumers:
 * {@link io.swapline.examples.kv.KeyValueStore} is a
 * {@link org.osgi.annotation.versioning.ProviderType provider type} even though component
 * authors write its implementations (the Reps). Adding a method to it breaks only them, and
 * they import this package with bnd's provider range
 * ({@code [1.0,1.1)}), clients with the consumer range ({@code [1.0,2)}). The snapshot is a
 * record, the protocols and the canonical form are final classes.
 */
@Export
@Version("1.1.0")
package io.swapline.examples.kv;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
