package io.swapline.core.stub;

import static org.objectweb.asm.Opcodes.*;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Method;
import java.util.List;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

import io.swapline.core.table.LocalTable;

/**
 * Writes the bytes of a stub class: a final class that extends {@link StubBase}, implements
 * one interface, and holds the object's call target in a {@code static final} handle:
 *
 * <pre>{@code
 * public final class Stub$Counter$42 extends StubBase implements Counter {
 *     private static final LocalTable TABLE = StubLinkage.claim("…Stub$Counter$42");
 *     private static final MethodHandle TARGET = TABLE.callSite().dynamicInvoker();
 *     private static final Object[] SLOTS = TABLE.slots();
 *     private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);
 *     private static MethodHandle GLUE$0 = <Counter.increment, a method handle constant>;
 *     static { TABLE.bindStub(new Stub$Counter$42()); }
 *     public long increment() {
 *         Object target = (Object) TARGET.invokeExact();
 *         if (target instanceof Counter) return ((Counter) target).increment();      // shared Rep
 *         int slot = (int) Thread.currentThread().getId() & 7;   // the slot mask, a constant
 *         target = SLOT.getOpaque(SLOTS, slot);
 *         if (target == null) return ((Counter) TABLE.miss(slot)).increment();     // miss
 *         if (target instanceof MediatorGlueBase) return (long) GLUE$0.invokeExact((Counter) target); // glue
 *         return ((Counter) target).increment();                                    // slot Rep
 *     }
 *     …
 * }
 * }</pre>
 *
 * Because the fields are static final, the JIT treats the handle, and through it the call
 * site's current target (a shared Rep or the object's {@link LocalTable}), the slot array and
 * the mask as constants, and folds the type test. The slot is computed exactly as
 * {@link io.swapline.core.table.ProcessorSlots} does. Arguments, return values and exceptions
 * pass through untouched: every path ends in one call into the Rep or glue, so the stub frame's
 * callee is what {@link io.swapline.core.quiesce.StackCheck} reads (it reads past the glue call's
 * method-handle frames, which JDK 17 shows in other threads' traces and JDK 25 hides). Each path
 * has its own call, hence its own receiver-type profile: see {@code writeRepCall}; the glue is
 * called out of line: see {@code writeGlueCall}.
 */
final class StubGenerator {

    static final String TARGET_FIELD = "TARGET";
    private static final String TABLE_FIELD = "TABLE";
    private static final String SLOTS_FIELD = "SLOTS";
    private static final String SLOT_FIELD = "SLOT";
    private static final String VAR_HANDLE = Type.getInternalName(VarHandle.class);
    private static final String VAR_HANDLE_DESC = Type.getDescriptor(VarHandle.class);
    private static final String LOCAL_TABLE_DESC = Type.getDescriptor(LocalTable.class);
    private static final String BASE = Type.getInternalName(StubBase.class);
    private static final String LINKAGE = Type.getInternalName(StubLinkage.class);
    private static final String METHOD_HANDLE = Type.getInternalName(MethodHandle.class);
    private static final String METHOD_HANDLE_DESC = Type.getDescriptor(MethodHandle.class);
    private static final String LOCAL_TABLE = Type.getInternalName(LocalTable.class);
    private static final String GLUE_BASE = Type.getInternalName(MediatorGlueBase.class);
    private static final String GLUE_CALL_FIELD = "GLUE$";

    private StubGenerator() {
    }

    static byte[] generate(String binaryName, Class<?> iface, int slotCount) {
        String internalName = binaryName.replace('.', '/');
        String ifaceName = Type.getInternalName(iface);
        ClassWriter cw = new GeneratedClassWriter();
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC, internalName, null, BASE,
                new String[] {ifaceName});
        cw.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, TABLE_FIELD, LOCAL_TABLE_DESC, null, null).visitEnd();
        cw.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, TARGET_FIELD, METHOD_HANDLE_DESC, null, null).visitEnd();
        cw.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, SLOTS_FIELD, "[Ljava/lang/Object;", null, null).visitEnd();
        cw.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, SLOT_FIELD, VAR_HANDLE_DESC, null, null).visitEnd();
        List<Method> methods = InterfaceMethods.of(iface);
        for (int i = 0; i < methods.size(); i++) {
            // Not final, so never a constant to the JIT: see writeGlueCall.
            cw.visitField(ACC_PRIVATE | ACC_STATIC, GLUE_CALL_FIELD + i, METHOD_HANDLE_DESC, null, null).visitEnd();
        }
        writeStaticInitialiser(cw, internalName, binaryName, ifaceName, methods);
        writeConstructor(cw, internalName);
        for (int i = 0; i < methods.size(); i++) {
            writeDispatch(cw, internalName, ifaceName, methods.get(i), i, slotCount - 1);
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void writeStaticInitialiser(ClassWriter cw, String internalName, String binaryName,
            String ifaceName, List<Method> methods) {
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
        mv.visitCode();
        mv.visitLdcInsn(binaryName);
        mv.visitMethodInsn(INVOKESTATIC, LINKAGE, "claim", "(Ljava/lang/String;)" + LOCAL_TABLE_DESC, false);
        mv.visitInsn(DUP);
        mv.visitInsn(DUP);
        mv.visitFieldInsn(PUTSTATIC, internalName, TABLE_FIELD, LOCAL_TABLE_DESC);
        mv.visitMethodInsn(INVOKEVIRTUAL, LOCAL_TABLE, "callSite", "()Ljava/lang/invoke/MutableCallSite;", false);
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/invoke/MutableCallSite", "dynamicInvoker", "()" + METHOD_HANDLE_DESC,
                false);
        mv.visitFieldInsn(PUTSTATIC, internalName, TARGET_FIELD, METHOD_HANDLE_DESC);
        mv.visitMethodInsn(INVOKEVIRTUAL, LOCAL_TABLE, "slots", "()[Ljava/lang/Object;", false);
        mv.visitFieldInsn(PUTSTATIC, internalName, SLOTS_FIELD, "[Ljava/lang/Object;");
        mv.visitLdcInsn(Type.getType(Object[].class));
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/invoke/MethodHandles", "arrayElementVarHandle",
                "(Ljava/lang/Class;)" + VAR_HANDLE_DESC, false);
        mv.visitFieldInsn(PUTSTATIC, internalName, SLOT_FIELD, VAR_HANDLE_DESC);
        for (int i = 0; i < methods.size(); i++) {
            Method method = methods.get(i);
            // A method handle constant, resolved with the stub's access: the interface method
            // through the stub's own interface, as the calls name it.
            mv.visitLdcInsn(new Handle(H_INVOKEINTERFACE, ifaceName, method.getName(),
                    Type.getMethodDescriptor(method), true));
            mv.visitFieldInsn(PUTSTATIC, internalName, GLUE_CALL_FIELD + i, METHOD_HANDLE_DESC);
        }
        mv.visitFieldInsn(GETSTATIC, internalName, TABLE_FIELD, LOCAL_TABLE_DESC); // the one instance, without reflection
        mv.visitTypeInsn(NEW, internalName);
        mv.visitInsn(DUP);
        mv.visitMethodInsn(INVOKESPECIAL, internalName, "<init>", "()V", false);
        mv.visitMethodInsn(INVOKEVIRTUAL, LOCAL_TABLE, "bindStub", "(Ljava/lang/Object;)V", false);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void writeConstructor(ClassWriter cw, String internalName) {
        MethodVisitor mv = cw.visitMethod(ACC_PRIVATE, "<init>", "()V", null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETSTATIC, internalName, TABLE_FIELD, LOCAL_TABLE_DESC);
        mv.visitMethodInsn(INVOKESPECIAL, BASE, "<init>", "(" + LOCAL_TABLE_DESC + ")V", false);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void writeDispatch(ClassWriter cw, String internalName, String ifaceName, Method method,
            int methodIndex, int slotMask) {
        String descriptor = Type.getMethodDescriptor(method);
        int access = ACC_PUBLIC | (method.isVarArgs() ? ACC_VARARGS : 0);
        MethodVisitor mv = cw.visitMethod(access, method.getName(), descriptor, null, exceptionNames(method));
        mv.visitCode();
        int slotLocal = firstFreeLocal(descriptor);
        int targetLocal = slotLocal + 1;
        mv.visitFieldInsn(GETSTATIC, internalName, TARGET_FIELD, METHOD_HANDLE_DESC);
        mv.visitMethodInsn(INVOKEVIRTUAL, METHOD_HANDLE, "invokeExact", "()Ljava/lang/Object;", false);
        mv.visitVarInsn(ASTORE, targetLocal);
        mv.visitVarInsn(ALOAD, targetLocal);
        mv.visitTypeInsn(INSTANCEOF, ifaceName);
        Label table = new Label();
        mv.visitJumpInsn(IFEQ, table);
        writeRepCall(mv, ifaceName, method, descriptor, targetLocal); // site 1: the shared Rep, a constant
        mv.visitLabel(table);            // the local table: read the calling thread's slot
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Thread", "currentThread", "()Ljava/lang/Thread;", false);
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Thread", "getId", "()J", false);
        mv.visitInsn(L2I);
        mv.visitLdcInsn(slotMask);
        mv.visitInsn(IAND);
        mv.visitVarInsn(ISTORE, slotLocal);
        mv.visitFieldInsn(GETSTATIC, internalName, SLOT_FIELD, VAR_HANDLE_DESC);
        mv.visitFieldInsn(GETSTATIC, internalName, SLOTS_FIELD, "[Ljava/lang/Object;");
        mv.visitVarInsn(ILOAD, slotLocal);
        mv.visitMethodInsn(INVOKEVIRTUAL, VAR_HANDLE, "getOpaque", "([Ljava/lang/Object;I)Ljava/lang/Object;", false);
        mv.visitVarInsn(ASTORE, targetLocal);
        mv.visitVarInsn(ALOAD, targetLocal);
        Label miss = new Label();
        mv.visitJumpInsn(IFNULL, miss);
        mv.visitVarInsn(ALOAD, targetLocal);
        mv.visitTypeInsn(INSTANCEOF, GLUE_BASE);
        Label glue = new Label();
        mv.visitJumpInsn(IFNE, glue);
        writeRepCall(mv, ifaceName, method, descriptor, targetLocal); // site 2: a slot's Rep
        mv.visitLabel(glue);
        writeGlueCall(mv, internalName, ifaceName, methodIndex, descriptor, targetLocal); // site 3: a swap's Mediator glue
        mv.visitLabel(miss);             // an empty slot: miss
        mv.visitFieldInsn(GETSTATIC, internalName, TABLE_FIELD, LOCAL_TABLE_DESC);
        mv.visitVarInsn(ILOAD, slotLocal);
        mv.visitMethodInsn(INVOKEVIRTUAL, LOCAL_TABLE, "miss", "(I)Ljava/lang/Object;", false);
        mv.visitVarInsn(ASTORE, targetLocal);
        writeRepCall(mv, ifaceName, method, descriptor, targetLocal); // site 4: whatever the miss found
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * Calls the Rep in {@code targetLocal} with the method's arguments and returns its result.
     * Each call site is an {@code invokeinterface} of its own, so each keeps a type profile of its
     * own: the JIT profiles receivers per bytecode, for the life of the method, so one call for
     * all paths would accumulate every class the object has ever had (old Reps, each swap's
     * glue, the shared Rep the constant path reached) and turn megamorphic after a swap: the
     * loop compiled after it would call the new Rep through the vtable/itable instead of
     * inlining it. Split, the slot path's call sees only the Reps that live in slots (a
     * distributed or clustered implementation's) and the shared path's only the constant's class;
     * glue goes through a call of its own ({@code writeGlueCall}).
     */
    private static void writeRepCall(MethodVisitor mv, String ifaceName, Method method, String descriptor,
            int targetLocal) {
        mv.visitVarInsn(ALOAD, targetLocal);
        mv.visitTypeInsn(CHECKCAST, ifaceName);
        loadArguments(mv, descriptor);
        // Through the stub's own (public) interface, as javac would: a superinterface that
        // declares the method may be inaccessible to the stub's class.
        mv.visitMethodInsn(INVOKEINTERFACE, ifaceName, method.getName(), descriptor, true);
        mv.visitInsn(Type.getReturnType(descriptor).getOpcode(IRETURN));
    }

    /**
     * Calls the Mediator glue in {@code targetLocal} through a method handle the JIT cannot
     * treat as a constant (a non-final static), so it never inlines the glue, nor the Mediator
     * behind it, into the stub. Inlined, they made the stub's compiled code big while a swap was
     * in progress, and a caller compiled then calls such code out of line ("already compiled
     * into a big method") rather than inlining it; and since that caller's code does not depend
     * on the call site, the swap's final retarget does not recompile it, so it kept a call and
     * no inlined Rep for good. Kept out of line, the stub stays small, callers inline it, and
     * the retarget at the swap's end recompiles them for the new Rep. The glue path is taken
     * only while a swap is in progress, where an indirect call costs nothing that matters.
     */
    private static void writeGlueCall(MethodVisitor mv, String internalName, String ifaceName, int methodIndex,
            String descriptor, int targetLocal) {
        mv.visitFieldInsn(GETSTATIC, internalName, GLUE_CALL_FIELD + methodIndex, METHOD_HANDLE_DESC);
        mv.visitVarInsn(ALOAD, targetLocal);
        mv.visitTypeInsn(CHECKCAST, ifaceName);
        loadArguments(mv, descriptor);
        mv.visitMethodInsn(INVOKEVIRTUAL, METHOD_HANDLE, "invokeExact",
                "(L" + ifaceName + ";" + descriptor.substring(1), false);
        mv.visitInsn(Type.getReturnType(descriptor).getOpcode(IRETURN));
    }

    private static void loadArguments(MethodVisitor mv, String descriptor) {
        int local = 1;
        for (Type argument : Type.getArgumentTypes(descriptor)) {
            mv.visitVarInsn(argument.getOpcode(ILOAD), local);
            local += argument.getSize();
        }
    }

    private static int firstFreeLocal(String descriptor) {
        int local = 1;
        for (Type argument : Type.getArgumentTypes(descriptor)) {
            local += argument.getSize();
        }
        return local;
    }

    private static String[] exceptionNames(Method method) {
        Class<?>[] exceptions = method.getExceptionTypes();
        String[] names = new String[exceptions.length];
        for (int i = 0; i < exceptions.length; i++) {
            names[i] = Type.getInternalName(exceptions[i]);
        }
        return names;
    }
}
