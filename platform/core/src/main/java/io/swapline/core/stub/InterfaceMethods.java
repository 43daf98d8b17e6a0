package io.swapline.core.stub;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.objectweb.asm.Type;

/**
 * The methods a generated class must implement for an interface: every public instance
 * method of the interface and its superinterfaces, abstract or default, one per name and
 * descriptor. A covariant override in a subinterface adds its own descriptor, so both are
 * implemented. Static and private interface methods are not dispatched; {@code equals},
 * {@code hashCode} and {@code toString} keep the stub's own meaning.
 */
final class InterfaceMethods {

    private InterfaceMethods() {
    }

    static List<Method> of(Class<?> iface) {
        Map<String, Method> byKey = new LinkedHashMap<>();
        Deque<Class<?>> pending = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        pending.add(iface);
        while (!pending.isEmpty()) {
            Class<?> current = pending.removeFirst();
            if (!seen.add(current)) {
                continue;
            }
            for (Method method : current.getDeclaredMethods()) {
                int modifiers = method.getModifiers();
                if (Modifier.isStatic(modifiers) || !Modifier.isPublic(modifiers) || method.isSynthetic()
                        || isObjectMethod(method)) {
                    continue;
                }
                // First seen wins: subinterfaces come before the interfaces they extend.
                byKey.putIfAbsent(method.getName() + Type.getMethodDescriptor(method), method);
            }
            pending.addAll(List.of(current.getInterfaces()));
        }
        return new ArrayList<>(byKey.values());
    }

    private static boolean isObjectMethod(Method method) {
        String name = method.getName();
        int arity = method.getParameterCount();
        return (name.equals("equals") && arity == 1 && method.getParameterTypes()[0] == Object.class)
                || (name.equals("hashCode") && arity == 0)
                || (name.equals("toString") && arity == 0);
    }
}
