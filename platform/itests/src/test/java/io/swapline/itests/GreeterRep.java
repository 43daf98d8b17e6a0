package io.swapline.itests;

import java.util.stream.IntStream;

import io.swapline.itests.fixture.Greeter;

/** A Rep of the test's clustered objects: stateless, it names its index in every answer. */
final class GreeterRep implements Greeter {

    private final int index;

    GreeterRep(int index) {
        this.index = index;
    }

    @Override
    public String greet(String name) {
        return "hello " + name + " from rep " + index;
    }

    @Override
    public long sum(long base, int... values) {
        return base + IntStream.of(values).asLongStream().sum();
    }

    @Override
    public int repIndex() {
        return index;
    }
}
