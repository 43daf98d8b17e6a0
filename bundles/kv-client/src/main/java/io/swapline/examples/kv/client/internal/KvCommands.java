package io.swapline.examples.kv.client.internal;

import java.time.Duration;
import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.swapline.examples.kv.KeyValueStore;

/**
 * The key-value demo's Gogo commands, scope {@code kv}: an ordinary Declarative Services
 * component with a static, mandatory reference to the {@code kv} object's service, which the
 * platform never unregisters during a swap, so the commands keep working across swaps.
 *
 * <pre>
 * g! kv:put colour blue
 * g! kv:get colour
 * g! kv:size
 * g! kv:load 99.9 2 10      read-heavy: 99.9 % gets, 2 threads, 10 s
 * g! kv:load 50 2 10        write-heavy
 * </pre>
 *
 * <p>{@link Descriptor} is Gogo's help annotation; its package is imported optionally (see
 * {@code bnd.bnd}) and this class never uses it at run time.
 */
@Component(service = KvCommands.class, property = {"osgi.command.scope=kv", "osgi.command.function=put",
        "osgi.command.function=get", "osgi.command.function=size", "osgi.command.function=load"})
public final class KvCommands {

    private final KeyValueStore store;

    /**
     * Activates the component.
     *
     * @param store the platform's key-value store (the object's stub)
     */
    @Activate
    public KvCommands(@Reference(name = "kv", target = "(swapline.object=kv)") KeyValueStore store) {
        this.store = store;
    }

    /**
     * {@code kv:put <key> <value>}.
     *
     * @param key the key
     * @param value the value
     * @return {@code key = value}, with the value it replaced
     */
    @Descriptor("set the value of a key")
    public String put(@Descriptor("the key") String key, @Descriptor("the value") String value) {
        String previous = store.put(key, value);
        return key + " = " + value + (previous == null ? " (new key)" : " (was " + previous + ")");
    }

    /**
     * {@code kv:get <key>}.
     *
     * @param key the key
     * @return {@code key = value}, or that the key is absent
     */
    @Descriptor("show the value of a key")
    public String get(@Descriptor("the key") String key) {
        String value = store.get(key);
        return value == null ? key + " is absent" : key + " = " + value;
    }

    /**
     * {@code kv:size}.
     *
     * @return the number of keys
     */
    @Descriptor("show the number of keys")
    public int size() {
        return store.size();
    }

    /**
     * {@code kv:load <readPercent> <threads> <seconds>}: calls the store from {@code threads}
     * threads for {@code seconds} seconds, {@code readPercent} % of the calls gets, the rest puts,
     * over 100 keys; prints the throughput and the serving implementation each second, so an
     * autonomic swap shows where it happens.
     *
     * @param readPercent the share of gets, 0 to 100 (e.g. 99.9)
     * @param threads the number of calling threads
     * @param seconds how long
     * @return one line per second and a summary
     * @throws InterruptedException if the shell interrupts the command
     */
    @Descriptor("load the store: a read/write mix from a few threads for a while, one line per second")
    public List<String> load(@Descriptor("the share of gets in percent, e.g. 99.9 (the rest are puts)") double readPercent,
            @Descriptor("the number of calling threads") int threads,
            @Descriptor("how many seconds") int seconds) throws InterruptedException {
        if (seconds < 1) {
            throw new IllegalArgumentException("at least one second, was " + seconds);
        }
        return new KvLoad(store, readPercent, threads).run(seconds, Duration.ofSeconds(1)).lines();
    }
}
