package io.swapline.core.stub;

import static org.objectweb.asm.Opcodes.*;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;

import org.objectweb.asm.ClassWriter;
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
 *     private static final MethodHandle TARGET = StubLinkage.claim("…Stub$Counter$42");
 *     public long increment() {
 *         Object target = (Object) TARGET.invokeExact();
 *         if (!(target instanceof Counter)) target = ((LocalTable) target).repForCurrentSlot();
 *         return ((Counter) target).increment();
 *     }
 *     …
 * }
 * }</pre>
 *
 * Because the field is static final, the JIT treats the handle, and through it the call
 * site's current target (a constant: a shared Rep or the object's {@link LocalTable}), as a
 * constant, and folds the type test. Arguments, return values and exceptions pass through
 * untouched: the method ends in one call.
 */
final class StubGenerator {

    static final String TARGET_FIELD = "TARGET";
    private static final String BASE = Type.getInternalName(StubBase.class);
    private static final String LINKAGE = Type.getInternalName(StubLinkage.class);
    private static final String METHOD_HANDLE = Type.getInternalName(MethodHandle.class);
    private static final String METHOD_HANDLE_DESC = Type.getDescriptor(MethodHandle.class);
    private static final String LOCAL_TABLE = Type.getInternalName(LocalTable.class);

    private StubGenerator() {
    }

    static byte[] generate(String binaryName, Class<?> iface) {
        String internalName = binaryName.replace('.', '/');
        String ifaceName = Type.getInternalName(iface);
        ClassWriter cw = new GeneratedClassWriter();
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC, internalName, null, BASE,
                new String[] {ifaceName});
        cw.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, TARGET_FIELD, METHOD_HANDLE_DESC, null, null).visitEnd();
        writeStaticInitialiser(cw, internalName, binaryName);
        writeConstructor(cw);
        for (Method method : InterfaceMethods.of(iface)) {
            writeDispatch(cw, internalName, ifaceName, method);
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void writeStaticInitialiser(ClassWriter cw, String internalName, String binaryName) {
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
        mv.visitCode();
        mv.visitLdcInsn(binaryName);
        mv.visitMethodInsn(INVOKESTATIC, LINKAGE, "claim", "(Ljava/lang/String;)" + METHOD_HANDLE_DESC, false);
        mv.visitFieldInsn(PUTSTATIC, internalName, TARGET_FIELD, METHOD_HANDLE_DESC);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void writeConstructor(ClassWriter cw) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", "(Ljava/lang/String;Ljava/lang/String;)V", null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ALOAD, 1);
        mv.visitVarInsn(ALOAD, 2);
        mv.visitMethodInsn(INVOKESPECIAL, BASE, "<init>", "(Ljava/lang/String;Ljava/lang/String;)V", false);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void writeDispatch(ClassWriter cw, String internalName, String ifaceName, Method method) {
        String descriptor = Type.getMethodDescriptor(method);
        int access = ACC_PUBLIC | (method.isVarArgs() ? ACC_VARARGS : 0);
        MethodVisitor mv = cw.visitMethod(access, method.getName(), descriptor, null, exceptionNames(method));
        mv.visitCode();
        mv.visitFieldInsn(GETSTATIC, internalName, TARGET_FIELD, METHOD_HANDLE_DESC);
        mv.visitMethodInsn(INVOKEVIRTUAL, METHOD_HANDLE, "invokeExact", "()Ljava/lang/Object;", false);
        Label haveRep = new Label();
        mv.visitInsn(DUP);
        mv.visitTypeInsn(INSTANCEOF, ifaceName);
        mv.visitJumpInsn(IFNE, haveRep);
        mv.visitTypeInsn(CHECKCAST, LOCAL_TABLE);
        mv.visitMethodInsn(INVOKEVIRTUAL, LOCAL_TABLE, "repForCurrentSlot", "()Ljava/lang/Object;", false);
        mv.visitLabel(haveRep);
        mv.visitTypeInsn(CHECKCAST, ifaceName);
        int local = 1;
        for (Type argument : Type.getArgumentTypes(descriptor)) {
            mv.visitVarInsn(argument.getOpcode(ILOAD), local);
            local += argument.getSize();
        }
        // Through the stub's own (public) interface, as javac would: a superinterface that
        // declares the method may be inaccessible to the stub's class.
        mv.visitMethodInsn(INVOKEINTERFACE, ifaceName, method.getName(), descriptor, true);
        mv.visitInsn(Type.getReturnType(descriptor).getOpcode(IRETURN));
        mv.visitMaxs(0, 0);
        mv.visitEnd();
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
