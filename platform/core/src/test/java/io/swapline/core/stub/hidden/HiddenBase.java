package io.swapline.core.stub.hidden;

/** A package-private superinterface: its methods are public, the interface is not. */
interface HiddenBase {
    int base();

    default int twiceBase() {
        return 2 * base();
    }
}
