/**
 * State transfer (seed ¶45): {@link io.swapline.core.transfer.ProtocolNegotiation} chooses the
 * protocol between an old and a new root — the one rule the runtime's swaps, the extender and
 * the test kit share — and {@link io.swapline.core.transfer.StateTransfer} moves the state
 * through it, during a swap or between a detached root and one not yet installed
 * ({@link io.swapline.core.transfer.StateTransfer#transferDetached}).
 *
 * <p><b>Versioning.</b> Its types are final classes, records and an exception that the platform
 * defines and layers call but never implement or extend, so none carries a role annotation.
 */
@Export
@Version("0.1.0")
package io.swapline.core.transfer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
