package io.swapline.core.stub;

import org.objectweb.asm.ClassWriter;

/**
 * A class writer that computes stack map frames without loading any class: generated code only
 * ever merges two {@code Object}s (a stub's two ways to its Rep) or a handler's
 * {@code Throwable} with nothing, so the common superclass is always {@code java.lang.Object}.
 * Loading classes here would go through the runtime's loader, which cannot see the interface.
 */
final class GeneratedClassWriter extends ClassWriter {

    GeneratedClassWriter() {
        super(ClassWriter.COMPUTE_FRAMES);
    }

    @Override
    protected String getCommonSuperClass(String type1, String type2) {
        return "java/lang/Object";
    }
}
