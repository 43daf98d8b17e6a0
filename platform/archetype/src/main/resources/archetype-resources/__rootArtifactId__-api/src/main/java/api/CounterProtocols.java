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

    /**
     * The count, as a {@link Long}: every implementation exports and imports it. Its state type is
     * the JDK's, so it also carries the count when the API bundle is refreshed (which gives every
     * class of this bundle a new identity, see the SDK guide).
     */
    public static final TransferProtocol<Long> COUNT =
            TransferProtocol.define("${rootArtifactId}-counter-count", 0, Long.class);

    /** The protocols every implementation of this version supports. */
    public static final Set<TransferProtocol<?>> ALL = Set.of(COUNT);

    private CounterProtocols() {
    }
}
