package io.swapline.core;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * What HotSpot has compiled, read from the {@code Compiler.codelist} diagnostic command (as
 * {@code jcmd <pid> Compiler.codelist}), so that tests which must run against C2-compiled code
 * wait for it instead of guessing with a sleep. Each line of the list reads
 * {@code <compile id> <tier> <state> <class>.<method><descriptor> [...]}, state 0 meaning in use.
 *
 * <p>Why it is not enough that C2 has compiled a loop: a thread that entered the method while
 * its entry code was C1's (tier 3) stays in C1 code for as long as it loops there, even once
 * C2 has compiled the loop for on-stack replacement. Only a new call, made when the method's
 * code in use is C2's alone, runs C2 code (from its entry, or, if only on-stack-replacement
 * code is left, from the interpreter, which moves into it after about a thousand iterations).
 */
public final class JitCompilation {

    private static final int C2 = 4;
    private static final int IN_USE = 0;

    private JitCompilation() {
    }

    /**
     * Whether this JVM can report its compiled code (HotSpot with a JIT).
     *
     * @return true if the code list can be read
     */
    public static boolean available() {
        if (ManagementFactory.getCompilationMXBean() == null) {
            return false;
        }
        try {
            codeList();
            return true;
        } catch (JMException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Waits until all code in use for a method is C2's, and there is some: from then on a new
     * call of the method runs C2 code.
     *
     * @param owner the method's class
     * @param method the method's name (any descriptor)
     * @param deadline how long to wait at most
     * @return the highest compile id of the method's C2 code, or empty if that state was not
     *         reached in time
     * @throws InterruptedException if interrupted while waiting
     */
    public static OptionalInt awaitOnlyC2CodeInUse(Class<?> owner, String method, Duration deadline)
            throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        do {
            int latestC2 = -1;
            boolean lowerTierInUse = false;
            for (String[] code : codeInUse(owner, method)) {
                if (Integer.parseInt(code[1]) == C2) {
                    latestC2 = Math.max(latestC2, Integer.parseInt(code[0]));
                } else {
                    lowerTierInUse = true;
                }
            }
            if (latestC2 >= 0 && !lowerTierInUse) {
                return OptionalInt.of(latestC2);
            }
            Thread.sleep(5); // polling the JIT's state, not waiting for an effect
        } while (System.nanoTime() - end < 0);
        return OptionalInt.empty();
    }

    /**
     * Whether the code of a compilation is still installed and in use.
     *
     * @param owner the method's class
     * @param method the method's name
     * @param compileId the compilation
     * @return true if the code list shows it in use
     */
    public static boolean isInUse(Class<?> owner, String method, int compileId) {
        for (String[] code : codeInUse(owner, method)) {
            if (Integer.parseInt(code[0]) == compileId) {
                return true;
            }
        }
        return false;
    }

    /**
     * The compile ids of a method's C2 code in use.
     *
     * @param owner the method's class
     * @param method the method's name
     * @return the ids, in the code list's order
     */
    public static List<Integer> c2CompileIdsInUse(Class<?> owner, String method) {
        List<Integer> ids = new ArrayList<>();
        for (String[] code : codeInUse(owner, method)) {
            if (Integer.parseInt(code[1]) == C2) {
                ids.add(Integer.parseInt(code[0]));
            }
        }
        return ids;
    }

    /** The code-list lines of a method's code in use, split into id, tier, state and the rest. */
    private static List<String[]> codeInUse(Class<?> owner, String method) {
        String key = " " + owner.getName() + "." + method + "(";
        List<String[]> result = new ArrayList<>();
        try {
            for (String line : codeList().split("\n")) {
                if (line.contains(key)) {
                    String[] fields = line.trim().split("\\s+", 4);
                    if (Integer.parseInt(fields[2]) == IN_USE) {
                        result.add(fields);
                    }
                }
            }
        } catch (JMException e) {
            throw new IllegalStateException("Compiler.codelist failed", e);
        }
        return result;
    }

    private static String codeList() throws JMException {
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerCodelist", null, null);
    }
}
