/**
 * The example key-value store's API: the {@link io.swapline.examples.kv.KeyValueStore}
 * interface, its immutable {@link io.swapline.examples.kv.KvSnapshot snapshot} type, and the
 * {@link io.swapline.examples.kv.KvProtocols transfer protocols} its implementations hand their
 * state over by. The snapshot type lives here, in the API bundle, so that every implementation
 * bundle — and every revision of one — loads the same class, which is what lets a snapshot be
 * handed over by reference.
 */
@Export
@Version("1.0.0")
package io.swapline.examples.kv;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
