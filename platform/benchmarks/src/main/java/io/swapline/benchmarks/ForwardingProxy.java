package io.swapline.benchmarks;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * The JDK's generic front end, for comparison: a {@link Proxy} whose handler forwards every
 * call to the implementation with {@link Method#invoke}, unwrapping the implementation's
 * exceptions, as a swappable-proxy library would.
 */
public final class ForwardingProxy implements InvocationHandler {

    private final Object target;

    private ForwardingProxy(Object target) {
        this.target = target;
    }

    /**
     * A proxy of {@code type} that forwards to {@code target}.
     *
     * @param type the interface
     * @param target the implementation
     * @param <T> the interface
     * @return the proxy
     */
    public static <T> T of(Class<T> type, T target) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                new ForwardingProxy(target)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
