package ${package}.api;

import java.util.Set;

import io.swapline.api.TransferProtocol;

/**
 * How a {@link Counter}'s state moves between implementations during a swap. An implementation
 * declares the protocols it can export and import; the platform picks the most significant bit
 * both sides declare. Add a faster protocol later under a higher bit, and implementations that
 * know it use it while the others keep using {@link #COUNT}.
 */
public final class CounterProtocols {

    /** The count as a {@link CountState}: every implementation exports and imports it. */
    public static final TransferProtocol<CountState> COUNT =
            TransferProtocol.define("${rootArtifactId}-counter-count", 0, CountState.class);

    /** The protocols every implementation of this version supports. */
    public static final Set<TransferProtocol<?>> ALL = Set.of(COUNT);

    private CounterProtocols() {
    }
}
