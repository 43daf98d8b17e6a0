package io.swapline.osgi.implementations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A class's origin in words, never a class loader's toString or null (bundles: ShellInfoIT). */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ClassOriginTest {

    @Test
    void jdkAndClassPathClassesAreNamedInWords() {
        assertEquals("the JDK (boot class loader)", ClassOrigin.of(Runnable.class));
        assertEquals("the JDK (platform class loader)", ClassOrigin.of(java.sql.Connection.class));
        assertEquals("the class path (class loader app, not a bundle)", ClassOrigin.of(ClassOriginTest.class));
    }
}
