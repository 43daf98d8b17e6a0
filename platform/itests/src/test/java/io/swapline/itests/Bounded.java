package io.swapline.itests;

import org.junit.Rule;

/**
 * The base of every integration test class here: each test method is bounded by a
 * {@link Watchdog} (a deadlock fails the test with a thread dump that names the locks, instead of
 * hanging the build). A bound for hangs, not a performance check: the default,
 * {@value #DEFAULT_SECONDS} s, is 10 times the slowest method's time alone on the 2-core build
 * machine (and unit tests ran 7-20 times slower with three other builds on it); a class whose
 * methods wait longer by design passes its own bound. Failsafe's {@code forkedProcessTimeoutInSeconds}
 * (pom.xml) is the backstop for what runs outside a method (the framework's boot and shutdown).
 */
public abstract class Bounded {

    /** The bound of a test method unless its class says otherwise. */
    static final int DEFAULT_SECONDS = 300;

    /** Fails a method that runs longer than the class's bound, with a thread dump. */
    @Rule
    public final Watchdog watchdog;

    protected Bounded() {
        this(DEFAULT_SECONDS);
    }

    /** @param seconds the bound of each test method of the class */
    protected Bounded(int seconds) {
        watchdog = Watchdog.seconds(seconds);
    }
}
