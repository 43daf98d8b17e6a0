/**
 * The Swapline SDK.
 */
@Export
@Version("0.1.0")
package io.swapline.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
