package io.swapline.osgi.implementations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.swapline.api.Root;

/**
 * The messages of a broken declaration or root: each is one line that names the bundle, the class
 * and what is wrong (the attribute and its value, the constructor's exception with its message),
 * where the old ones said {@code For input string: "high"} or {@code InvocationTargetException}.
 * Test doubles of the revision and bundle ({@link FakeRevision}), no framework.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ImplementationDeclarationTest {

    private static final String GREETER = Fixtures.Greeter.class.getName();

    private static Map<String, Object> attributes(Class<?> root) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("class", root.getName());
        attributes.put("object", "greeter");
        attributes.put("interface", GREETER);
        return attributes;
    }

    private static IllegalArgumentException declarationFailure(Map<String, Object> attributes) {
        return assertThrows(IllegalArgumentException.class,
                () -> ImplementationDeclaration.declaredBy(FakeRevision.declaring(List.of(attributes))));
    }

    private static RootUnavailableException rootFailure(Class<?> root) {
        ImplementationDeclaration declaration = ImplementationDeclaration
                .declaredBy(FakeRevision.declaring(List.of(attributes(root)))).get(0);
        return assertThrows(RootUnavailableException.class, () -> declaration.newRoot(Fixtures.Greeter.class));
    }

    private static void assertOneLine(String message) {
        assertFalse(message.contains("\n") || message.contains("\r"), "not one line: " + message);
    }

    @Test
    void aWellFormedDeclarationMakesItsRoot() throws Exception {
        Map<String, Object> attributes = attributes(Fixtures.GoodRoot.class);
        attributes.put("ranking", 7L);
        ImplementationDeclaration declaration = ImplementationDeclaration
                .declaredBy(FakeRevision.declaring(List.of(attributes))).get(0);

        assertEquals(7, declaration.ranking());
        assertEquals(Fixtures.Greeter.class, declaration.loadInterface());
        Root<?> root = declaration.newRoot(Fixtures.Greeter.class);
        assertInstanceOf(Fixtures.GoodRoot.class, root);
    }

    @Test
    void rankingThatIsNotANumberNamesBundleAttributeValueAndType() {
        Map<String, Object> attributes = attributes(Fixtures.GoodRoot.class);
        attributes.put("ranking", "high");

        String message = declarationFailure(attributes).getMessage();

        assertTrue(message.contains(FakeRevision.LABEL), message);
        assertTrue(message.contains(Fixtures.GoodRoot.class.getName()), message);
        assertTrue(message.contains("ranking=\"high\""), message);
        assertTrue(message.contains("not an integer (a Long"), message);
        assertOneLine(message);
    }

    @Test
    void rankingAsATextualIntegerStillParses() {
        Map<String, Object> attributes = attributes(Fixtures.GoodRoot.class);
        attributes.put("ranking", "12");

        assertEquals(12, ImplementationDeclaration.declaredBy(FakeRevision.declaring(List.of(attributes))).get(0)
                .ranking());
    }

    @Test
    void missingAttributeNamesBundleClassAndAttribute() {
        Map<String, Object> attributes = attributes(Fixtures.GoodRoot.class);
        attributes.remove("object");

        String message = declarationFailure(attributes).getMessage();

        assertTrue(message.contains(FakeRevision.LABEL), message);
        assertTrue(message.contains(Fixtures.GoodRoot.class.getName()), message);
        assertTrue(message.contains("has no 'object' attribute"), message);
        assertOneLine(message);
    }

    @Test
    void suitsThatDoesNotParseNamesBundleClassAndAttribute() {
        Map<String, Object> attributes = attributes(Fixtures.GoodRoot.class);
        attributes.put("suits", "contention <=\nwhatever");

        String message = declarationFailure(attributes).getMessage();

        assertTrue(message.contains(FakeRevision.LABEL), message);
        assertTrue(message.contains(Fixtures.GoodRoot.class.getName()), message);
        assertTrue(message.contains("suits=\"contention <=\\nwhatever\", which is not a suitability: "), message);
        assertOneLine(message);
    }

    @Test
    void aHugeAttributeValueIsCutInTheMessage() {
        Map<String, Object> attributes = attributes(Fixtures.GoodRoot.class);
        attributes.put("ranking", "x".repeat(100_000));

        String message = declarationFailure(attributes).getMessage();

        assertTrue(message.contains("x".repeat(Echo.INPUT_LIMIT) + "… (100000 characters)"), message);
        assertTrue(message.length() < 500, message.length() + " characters");
    }

    @Test
    void constructorThatThrowsIsReportedWithItsCauseClassAndMessage() {
        RootUnavailableException e = rootFailure(Fixtures.ThrowingRoot.class);

        String message = e.getMessage();
        assertEquals(FakeRevision.LABEL + " cannot make the root " + Fixtures.ThrowingRoot.class.getName()
                + " of 'greeter': its constructor threw java.lang.IllegalStateException: no greeting configured\\nsee"
                + " the docs", message);
        assertInstanceOf(IllegalStateException.class, e.getCause(), "the cause is the constructor's exception");
        assertOneLine(message);
    }

    @Test
    void classThatIsNotARootSaysSo() {
        String message = rootFailure(Fixtures.NotARoot.class).getMessage();

        assertTrue(message.startsWith(FakeRevision.LABEL + " cannot make the root " + Fixtures.NotARoot.class.getName()),
                message);
        assertTrue(message.endsWith(Fixtures.NotARoot.class.getName() + " is not a io.swapline.api.Root (extend"
                + " SharedRoot, DistributedRoot or ClusteredRoot)"), message);
        assertOneLine(message);
    }

    @Test
    void rootWithoutANoArgumentConstructorSaysSo() {
        String message = rootFailure(Fixtures.NoDefaultConstructorRoot.class).getMessage();

        assertTrue(message.startsWith(FakeRevision.LABEL + " cannot make the root "), message);
        assertTrue(message.endsWith(": it has no public no-argument constructor"), message);
        assertOneLine(message);
    }

    @Test
    void classNotInTheBundleSaysSo() {
        Map<String, Object> attributes = attributes(Fixtures.GoodRoot.class);
        attributes.put("class", "io.example.Missing");
        ImplementationDeclaration declaration = ImplementationDeclaration
                .declaredBy(FakeRevision.declaring(List.of(attributes))).get(0);

        String message = assertThrows(RootUnavailableException.class,
                () -> declaration.newRoot(Fixtures.Greeter.class)).getMessage();

        assertTrue(message.startsWith(FakeRevision.LABEL + " cannot make the root io.example.Missing of 'greeter':"
                + " the class is not found: java.lang.ClassNotFoundException"), message);
        assertOneLine(message);
    }

    @Test
    void interfaceAttributeThatNamesAClassSaysItIsNotAnInterface() {
        Map<String, Object> attributes = attributes(Fixtures.GoodRoot.class);
        attributes.put("interface", "java.lang.String");
        ImplementationDeclaration declaration = ImplementationDeclaration
                .declaredBy(FakeRevision.declaring(List.of(attributes))).get(0);

        String message = assertThrows(RootUnavailableException.class, declaration::loadInterface).getMessage();

        assertEquals(FakeRevision.LABEL + " cannot make the root " + Fixtures.GoodRoot.class.getName() + " of"
                + " 'greeter': its interface attribute (@SwappableImplementation type) names java.lang.String, which"
                + " is a class, not an interface", message);
    }

    @Test
    void anotherInterfaceOfTheSameNameSaysWhereEachComesFromInWords() throws Exception {
        URL testClasses = Fixtures.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader other = new URLClassLoader("other-copy", new URL[] {testClasses},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> copy = Class.forName(GREETER, false, other);
            ImplementationDeclaration declaration = FakeRevision.declaration(attributes(Fixtures.GoodRoot.class),
                    name -> name.equals(GREETER) ? copy : Class.forName(name, false, Fixtures.class.getClassLoader()));

            String message = assertThrows(RootUnavailableException.class,
                    () -> declaration.newRoot(Fixtures.Greeter.class)).getMessage();

            assertEquals(FakeRevision.LABEL + " cannot make the root " + Fixtures.GoodRoot.class.getName()
                    + " of 'greeter': it sees another " + GREETER + " (from the class path (class loader other-copy,"
                    + " not a bundle)) than the one clients use (from the class path (class loader app, not a"
                    + " bundle))", message);
        }
    }
}
