package io.swapline.core.stub.isolated;

/** The Rep, defined by the same loader as the interface. */
public final class GreetingRep implements Greeting {
    private int calls;

    @Override
    public Message greet(Message message) {
        calls++;
        return new Message("hello " + message.text());
    }

    @Override
    public int calls() {
        return calls;
    }

    @Override
    public void fail(String text) throws GreetingException {
        throw new GreetingException(text);
    }
}
