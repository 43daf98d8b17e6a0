package io.swapline.core.stub.hidden;

/** A public interface whose methods partly come from a package-private superinterface. */
public interface PublicFace extends HiddenBase {
    int own();

    /** A Rep of the interface, for tests in other packages. */
    static PublicFace of(int base, int own) {
        return new PublicFace() {
            @Override
            public int base() {
                return base;
            }

            @Override
            public int own() {
                return own;
            }
        };
    }
}
