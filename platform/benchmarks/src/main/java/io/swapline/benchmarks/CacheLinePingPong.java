package io.swapline.benchmarks;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A probe of the machine, not of Swapline: two threads hand one cache line back and forth (each
 * waits for the other's write, then writes), and the round trips per microsecond are printed per
 * 250 ms window. On this project's 2-vCPU guest the figure has two levels, about 6.5 and about 3,
 * and can switch between them in the middle of a run with nothing changing in the JVM: where the
 * host places the two vCPUs (sharing a core's caches or not) is outside the guest's control.
 * Workloads bound by cache-line transfers between the two client threads — the striped key-value
 * store under a write-heavy mix — follow it. Run it beside a benchmark to see which level the
 * machine is in: {@code java -cp platform/benchmarks/target/benchmarks.jar
 * io.swapline.benchmarks.CacheLinePingPong [seconds, 3]}.
 */
public final class CacheLinePingPong {

    private static final long WINDOW_NANOS = 250_000_000L;

    private CacheLinePingPong() {
    }

    /**
     * Runs the probe.
     *
     * @param args seconds (default 3)
     */
    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 3;
        AtomicLong turn = new AtomicLong(); // odd: the other thread's turn; even: this thread's
        Thread other = new Thread(() -> {
            for (long mine = 1;; mine += 2) {
                while (turn.get() != mine) {
                    Thread.onSpinWait();
                }
                turn.set(mine + 1);
            }
        }, "ping-pong");
        other.setDaemon(true);
        other.start();
        StringBuilder windows = new StringBuilder();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long windowStart = System.nanoTime();
        long trips = 0;
        for (long mine = 0; System.nanoTime() < end; mine += 2) {
            turn.set(mine + 1);
            while (turn.get() != mine + 2) {
                Thread.onSpinWait();
            }
            trips++;
            long now = System.nanoTime();
            if (now - windowStart >= WINDOW_NANOS) {
                windows.append(String.format(Locale.ROOT, " %.1f", trips / ((now - windowStart) / 1e3)));
                trips = 0;
                windowStart = now;
            }
        }
        System.out.println("cache-line round trips per µs, 250 ms windows:" + windows);
    }
}
