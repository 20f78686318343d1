package io.ember.serializers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RecordStreamTest {
    private final Codec codec = Codecs.kryo();
    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void records_roundTripInOrder() {
        List<Object> records = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            records.add(i % 7 == 0 ? null : Tuple.of("key" + (i % 13), i));
        }

        assertEquals(records, readAll(write(records)));
    }

    @Test
    void noRecords_isAnEmptyStream() {
        assertEquals(List.of(), readAll(write(List.of())));
        assertEquals(List.of(), readAll(new byte[0]));
    }

    @Test
    void truncatedStream_fails() {
        byte[] bytes = write(List.of("a", "b"));
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 1);

        assertThrows(SerializationException.class, () -> readAll(truncated));
    }

    @Test
    void failedRecord_leavesTheWriterUsable() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Codec.RecordWriter writer = codec.newWriter(out)) {
            writer.write("before");
            assertThrows(SerializationException.class, () -> writer.write(Thread.currentThread()));
            writer.write("after");
        }

        assertEquals(List.of("before", "after"), readAll(out.toByteArray()));
    }

    @Test
    void reader_closesTheStreamAtTheEnd() {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream in = new ByteArrayInputStream(write(List.of(1))) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        Iterator<Integer> records = codec.newReader(in, loader);

        assertEquals(1, records.next());
        assertFalse(closed.get());
        assertFalse(records.hasNext());
        assertTrue(closed.get());
    }

    @Test
    void flush_makesWrittenRecordsVisible() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Codec.RecordWriter writer = codec.newWriter(out);
        writer.write(Tuple.of("a", 1));
        writer.flush();
        assertTrue(out.size() > 0);
        writer.close();
        Iterator<Tuple2<String, Integer>> records =
                codec.newReader(new ByteArrayInputStream(out.toByteArray()), loader);
        assertEquals(Tuple.of("a", 1), records.next());
    }

    private byte[] write(List<?> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Codec.RecordWriter writer = codec.newWriter(out)) {
            records.forEach(writer::write);
        }
        return out.toByteArray();
    }

    private List<Object> readAll(byte[] bytes) {
        List<Object> records = new ArrayList<>();
        codec.newReader(new ByteArrayInputStream(bytes), loader).forEachRemaining(records::add);
        return records;
    }
}
