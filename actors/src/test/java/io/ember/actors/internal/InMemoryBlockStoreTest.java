package io.ember.actors.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.actors.BlockId;
import org.junit.jupiter.api.Test;

class InMemoryBlockStoreTest {

    private static final BlockId SHUFFLE_0 = new BlockId.ShuffleBlock(0, 1, 2);
    private static final BlockId SHUFFLE_1 = new BlockId.ShuffleBlock(1, 1, 2);
    private static final BlockId RDD_5 = new BlockId.RddBlock(5, 0);

    @Test
    void put_replacingABlock_countsOnlyTheNewBytes() {
        InMemoryBlockStore store = new InMemoryBlockStore();
        store.put(RDD_5, new byte[10]);
        store.put(RDD_5, new byte[3]);

        assertEquals(3, store.sizeInBytes());
        assertArrayEquals(new byte[3], store.get(RDD_5).orElseThrow());
    }

    @Test
    void removeShuffle_dropsOnlyThatShuffle() {
        InMemoryBlockStore store = filled();

        store.removeShuffle(0);

        assertTrue(store.get(SHUFFLE_0).isEmpty());
        assertTrue(store.get(SHUFFLE_1).isPresent());
        assertTrue(store.get(RDD_5).isPresent());
        assertEquals(6, store.sizeInBytes());
    }

    @Test
    void removeRdd_dropsOnlyThatRdd() {
        InMemoryBlockStore store = filled();

        store.removeRdd(5);

        assertTrue(store.get(RDD_5).isEmpty());
        assertEquals(3, store.sizeInBytes());
    }

    @Test
    void clear_dropsEverything() {
        InMemoryBlockStore store = filled();
        store.remove(new BlockId.RddBlock(9, 9));

        store.clear();

        assertTrue(store.get(SHUFFLE_1).isEmpty());
        assertEquals(0, store.sizeInBytes());
    }

    private static InMemoryBlockStore filled() {
        InMemoryBlockStore store = new InMemoryBlockStore();
        store.put(SHUFFLE_0, new byte[1]);
        store.put(SHUFFLE_1, new byte[2]);
        store.put(RDD_5, new byte[4]);
        return store;
    }
}
