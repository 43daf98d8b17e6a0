package io.swapline.testfixtures.isolated;

/**
 * An interface for class-loader isolation tests: defined, with everything it names, by a loader
 * that cannot see the runtime.
 */
public interface Greeting {
    Message greet(Message message);

    int calls();

    void fail(String text) throws GreetingException;

    default String describe() {
        return "greeting by " + getClass().getName();
    }
}
