package io.ember.dataframe.internal.io;

import static org.junit.jupiter.api.Assertions.*;

import io.ember.rdd.internal.io.InputFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.NoSuchFileException;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which read failures {@code ignoreCorruptFiles} / {@code ignoreMissingFiles} skip. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FileReadOptionsTest {
    private static final FileReadOptions BOTH = new FileReadOptions(InputFiles.Filter.ALL, false, true, true);
    private static final FileReadOptions MISSING_ONLY = new FileReadOptions(InputFiles.Filter.ALL, false, false, true);

    /** Two rows, then {@code failure}. */
    private static Iterator<String> failingAfterTwo(RuntimeException failure) {
        Iterator<String> rows = List.of("a", "b").iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (rows.hasNext()) {
                    return true;
                }
                throw failure;
            }

            @Override
            public String next() {
                return rows.next();
            }
        };
    }

    private static List<String> drain(Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void corruptData_keepsTheRowsBeforeIt() {
        RuntimeException corrupt = new UncheckedIOException(new IOException("bad block"));
        assertEquals(List.of("a", "b"), drain(BOTH.read("f", () -> failingAfterTwo(corrupt))));
        assertSame(corrupt, assertThrows(UncheckedIOException.class,
                () -> drain(MISSING_ONLY.read("f", () -> failingAfterTwo(corrupt)))));
    }

    @Test
    void missingFile_skippedOnlyWithIgnoreMissingFiles() {
        RuntimeException gone = new UncheckedIOException(new NoSuchFileException("f"));
        assertEquals(List.of(), drain(MISSING_ONLY.read("f", () -> {
            throw gone;
        })));
        FileReadOptions corruptOnly = new FileReadOptions(InputFiles.Filter.ALL, false, true, false);
        assertThrows(UncheckedIOException.class, () -> drain(corruptOnly.read("f", () -> {
            throw gone;
        })));
    }

    @Test
    void malformedRecordsAndInterruptsAreNeverSkipped() {
        RuntimeException malformed = new MalformedRecordException("f", 3, "bad", "{");
        assertThrows(MalformedRecordException.class, () -> drain(BOTH.read("f", () -> failingAfterTwo(malformed))));
        RuntimeException killed = new UncheckedIOException(new ClosedByInterruptException());
        assertThrows(UncheckedIOException.class, () -> drain(BOTH.read("f", () -> failingAfterTwo(killed))));
        assertFalse(BOTH.skips("f", killed));
        assertTrue(BOTH.skips("f", new IllegalStateException("not a parquet file")));
    }
}
