package io.swapline.core.stub;

import static org.objectweb.asm.Opcodes.*;

import java.lang.reflect.Method;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Writes the bytes of a Mediator glue class for one interface: every method runs the common
 * mediation routine of {@link CallMediator} around one call on the target Rep.
 */
final class MediatorGlueGenerator {

    private static final String BASE = Type.getInternalName(MediatorGlueBase.class);
    private static final String MEDIATOR = Type.getInternalName(CallMediator.class);
    private static final String MEDIATOR_DESC = Type.getDescriptor(CallMediator.class);

    private MediatorGlueGenerator() {
    }

    static byte[] generate(String binaryName, Class<?> iface) {
        String internalName = binaryName.replace('.', '/');
        ClassWriter cw = new GeneratedClassWriter();
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC, internalName, null, BASE,
                new String[] {Type.getInternalName(iface)});
        MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "(" + MEDIATOR_DESC + ")V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitVarInsn(ALOAD, 1);
        init.visitMethodInsn(INVOKESPECIAL, BASE, "<init>", "(" + MEDIATOR_DESC + ")V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        for (Method method : InterfaceMethods.of(iface)) {
            writeMediatedMethod(cw, Type.getInternalName(iface), method);
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void writeMediatedMethod(ClassWriter cw, String ifaceName, Method method) {
        String descriptor = Type.getMethodDescriptor(method);
        Type[] arguments = Type.getArgumentTypes(descriptor);
        Type returnType = Type.getReturnType(descriptor);
        int firstFree = 1;
        for (Type argument : arguments) {
            firstFree += argument.getSize();
        }
        int mediatorLocal = firstFree;
        int tokenLocal = firstFree + 1;
        int thrownLocal = firstFree + 2;

        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | (method.isVarArgs() ? ACC_VARARGS : 0), method.getName(),
                descriptor, null, null);
        mv.visitCode();
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        mv.visitTryCatchBlock(start, end, handler, null);

        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, BASE, "mediator", MEDIATOR_DESC);
        mv.visitVarInsn(ASTORE, mediatorLocal);
        mv.visitVarInsn(ALOAD, mediatorLocal);
        mv.visitMethodInsn(INVOKEINTERFACE, MEDIATOR, "enter", "()I", true);
        mv.visitVarInsn(ISTORE, tokenLocal);

        mv.visitLabel(start); // the forwarded call: target lookup and the call itself
        mv.visitVarInsn(ALOAD, mediatorLocal);
        mv.visitVarInsn(ILOAD, tokenLocal);
        mv.visitMethodInsn(INVOKEINTERFACE, MEDIATOR, "target", "(I)Ljava/lang/Object;", true);
        mv.visitTypeInsn(CHECKCAST, ifaceName);
        int local = 1;
        for (Type argument : arguments) {
            mv.visitVarInsn(argument.getOpcode(ILOAD), local);
            local += argument.getSize();
        }
        mv.visitMethodInsn(INVOKEINTERFACE, Type.getInternalName(method.getDeclaringClass()), method.getName(),
                descriptor, true);
        mv.visitLabel(end);

        mv.visitVarInsn(ALOAD, mediatorLocal); // normal exit; the result waits on the operand stack
        mv.visitVarInsn(ILOAD, tokenLocal);
        mv.visitMethodInsn(INVOKEINTERFACE, MEDIATOR, "exit", "(I)V", true);
        mv.visitInsn(returnType.getOpcode(IRETURN));

        mv.visitLabel(handler); // exceptional exit: the same exception, unchanged
        mv.visitVarInsn(ASTORE, thrownLocal);
        mv.visitVarInsn(ALOAD, mediatorLocal);
        mv.visitVarInsn(ILOAD, tokenLocal);
        mv.visitMethodInsn(INVOKEINTERFACE, MEDIATOR, "exit", "(I)V", true);
        mv.visitVarInsn(ALOAD, thrownLocal);
        mv.visitInsn(ATHROW);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }
}
