/** A public interface extending a package-private one, as a stub in another package sees it. */
package io.swapline.core.stub.hidden;
