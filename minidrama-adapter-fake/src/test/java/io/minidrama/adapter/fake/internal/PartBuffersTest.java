package io.minidrama.adapter.fake.internal;

import io.minidrama.domain.media.UploadLimits;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reuse of held parts' 5 MB arrays. */
class PartBuffersTest {
    private static final int PART = (int) UploadLimits.PART_SIZE;

    @Test
    void aFullPartsArray_givenBack_isTheNextOneTaken() {
        PartBuffers buffers = new PartBuffers(2);
        byte[] a = buffers.take(PART);
        assertEquals(PART, a.length);
        buffers.give(a);
        assertEquals(1, buffers.free());
        assertTrue(a == buffers.take(PART), "the array given back is reused");
        assertEquals(0, buffers.free());
        assertFalse(a == buffers.take(PART), "a taken array is not handed out twice");
    }

    @Test
    void arraysOfOtherSizes_areExactAndNeverPooled() {
        PartBuffers buffers = new PartBuffers(2);
        byte[] small = buffers.take(10);
        assertEquals(10, small.length);
        buffers.give(small);
        assertEquals(0, buffers.free());
        buffers.give(buffers.take(PART));
        assertEquals(10, buffers.take(10).length, "a short last part never gets a pooled 5 MB array");
        assertEquals(1, buffers.free());
    }

    @Test
    void atMostMaxFreeArraysWait() {
        PartBuffers buffers = new PartBuffers(2);
        byte[][] taken = {buffers.take(PART), buffers.take(PART), buffers.take(PART)};
        for (byte[] b : taken) {
            buffers.give(b);
        }
        assertEquals(2, buffers.free());
    }
}
