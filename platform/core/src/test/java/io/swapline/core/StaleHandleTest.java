package io.swapline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.swapline.api.ClusteredObject;
import io.swapline.api.RootKind;
import io.swapline.core.table.ProcessorSlots;
import io.swapline.core.table.TranslationEntry;

/**
 * Guards stale handles: after destroy, every call on the object's stub throws an
 * {@link IllegalStateException} naming the object, and keeps doing so after its translation
 * entry serves a new object (even one with the same name): a stale stub never reaches the new
 * occupant's Rep.
 */
class StaleHandleTest {

    public interface Counter {
        int increment();
    }

    static final class CountingRep implements Counter {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public int increment() {
            return calls.incrementAndGet();
        }
    }

    private final ClusteredObjectRuntime runtime = new ClusteredObjectRuntime(4);

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void stubOfADestroyedObjectThrowsNamingTheObject(RootKind kind) {
        CountingRep rep = new CountingRep();
        ClusteredObject<Counter> object = runtime.create("old-" + kind, Counter.class, kind, i -> rep);
        Counter stub = object.stub();
        assertEquals(1, stub.increment());

        runtime.destroy(object);

        IllegalStateException e = assertThrows(IllegalStateException.class, stub::increment);
        assertTrue(e.getMessage().contains("'old-" + kind + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(Counter.class.getName()), e.getMessage());
        assertThrows(IllegalStateException.class, stub::increment); // and again
        assertEquals(1, rep.calls.get(), "a call on a destroyed object reached its Rep");
        assertFalse(object.isLive());
        assertThrows(IllegalStateException.class, object::kind);
        assertThrows(IllegalStateException.class, object::slotsInUse);
        assertTrue(object.toString().contains("destroyed"), object.toString());
    }

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void stubOfAnObjectDestroyedBeforeItsFirstCallThrowsWithoutCreatingARep(RootKind kind) {
        AtomicInteger repsCreated = new AtomicInteger();
        ClusteredObject<Counter> object = runtime.create("never-called", Counter.class, kind, i -> {
            repsCreated.incrementAndGet();
            return new CountingRep();
        });

        runtime.destroy(object);

        IllegalStateException e = assertThrows(IllegalStateException.class, object.stub()::increment);
        assertTrue(e.getMessage().contains("'never-called'"), e.getMessage());
        assertEquals(0, repsCreated.get());
    }

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void staleStubNeverReachesTheNextOccupantOfItsEntry(RootKind kind) {
        staleStubAfterReuse(kind, "first", "second");
    }

    @ParameterizedTest
    @EnumSource(RootKind.class)
    void staleStubNeverReachesTheNextOccupantOfItsEntryEvenUnderTheSameName(RootKind kind) {
        staleStubAfterReuse(kind, "same", "same");
    }

    private void staleStubAfterReuse(RootKind kind, String oldName, String newName) {
        CountingRep oldRep = new CountingRep();
        ClusteredObject<Counter> old = runtime.create(oldName, Counter.class, kind, i -> oldRep);
        Counter oldStub = old.stub();
        oldStub.increment();
        TranslationEntry oldEntry = ((ManagedObject<?>) old).table().entry();
        runtime.destroy(old);

        CountingRep newRep = new CountingRep();
        ClusteredObject<Counter> reused = runtime.create(newName, Counter.class, kind, i -> newRep);
        Counter newStub = reused.stub();
        newStub.increment(); // the new object's slots are filled before the stale call

        TranslationEntry newEntry = ((ManagedObject<?>) reused).table().entry();
        assertSame(oldEntry, newEntry, "same thread, same slot: the freed entry is reused");
        assertEquals(oldEntry.index(), newEntry.index());
        assertNotSame(oldStub, newStub);
        assertNotSame(oldStub.getClass(), newStub.getClass());

        for (int i = 0; i < 3; i++) {
            IllegalStateException e = assertThrows(IllegalStateException.class, oldStub::increment);
            assertTrue(e.getMessage().contains("'" + oldName + "'"), e.getMessage());
            assertTrue(e.getMessage().contains("destroyed"), e.getMessage());
        }
        assertEquals(1, newRep.calls.get(), "a stale stub reached the entry's new occupant");
        assertEquals(1, oldRep.calls.get());
        assertEquals(2, newStub.increment());
        assertTrue(reused.isLive());
    }
}
