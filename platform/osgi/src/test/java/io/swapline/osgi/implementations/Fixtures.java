package io.swapline.osgi.implementations;

import java.util.Set;

import io.swapline.api.SharedRoot;
import io.swapline.api.TransferProtocol;

/** Roots and an interface the declarations' tests load, as a bundle would, from the test class path. */
final class Fixtures {

    private Fixtures() {
    }

    /** The object's interface. */
    public interface Greeter {
        String greet();
    }

    /** A root that can be made. */
    public static final class GoodRoot extends SharedRoot<Greeter> {
        static final TransferProtocol<String> WHOLE = TransferProtocol.define("greeting", 3, String.class);
        static final TransferProtocol<String> PER_REP = TransferProtocol.definePerRep("greeting-cells", 1, String.class);

        public GoodRoot() {
        }

        @Override
        protected Greeter newRep(int repIndex) {
            return () -> "hello";
        }

        @Override
        public Set<TransferProtocol<?>> exportProtocols() {
            return Set.of(PER_REP, WHOLE);
        }

        @Override
        public Set<TransferProtocol<?>> importProtocols() {
            return Set.of(WHOLE);
        }
    }

    /** A root whose constructor throws, as one that needs missing configuration would. */
    public static final class ThrowingRoot extends SharedRoot<Greeter> {
        public ThrowingRoot() {
            throw new IllegalStateException("no greeting configured\nsee the docs");
        }

        @Override
        protected Greeter newRep(int repIndex) {
            return () -> "never";
        }
    }

    /** A root without a public no-argument constructor. */
    public static final class NoDefaultConstructorRoot extends SharedRoot<Greeter> {
        public NoDefaultConstructorRoot(String greeting) {
        }

        @Override
        protected Greeter newRep(int repIndex) {
            return () -> "never";
        }
    }

    /** A public class that is not a root. */
    public static final class NotARoot {
        public NotARoot() {
        }
    }
}
