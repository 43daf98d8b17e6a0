/**
 * Fixtures that tests copy into a class loader of their own, whose parent is the platform
 * loader: a loader that, like an API bundle's in OSGi, cannot see the runtime.
 */
package io.swapline.core.stub.isolated;
