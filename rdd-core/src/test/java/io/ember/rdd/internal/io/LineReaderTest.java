package io.ember.rdd.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link LineReader} gives the lines Java's own splitting gives, wherever reads cut the input. */
class LineReaderTest {

    /** Returns at most {@code most} bytes per read, so lines cross the reader's buffer anywhere. */
    private static InputStream inReadsOf(byte[] bytes, int most) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                return super.read(b, off, Math.min(len, most));
            }
        };
    }

    private static List<String> read(InputStream in, long limit) {
        List<String> lines = new ArrayList<>();
        new LineReader(in, "test", limit, null).forEachRemaining(lines::add);
        return lines;
    }

    private static String text() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            text.append("line ").append(i).append(" ünï ").append("x".repeat((i * 37) % 300));
            text.append(i % 7 == 0 ? "\r\n" : "\n");
            if (i % 500 == 0) {
                text.append("\n").append("y".repeat(70_000 + i)).append("\r\n");
            }
        }
        return text.append("no final newline").toString();
    }

    private static List<String> expected(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        return lines;
    }

    @Test
    void lines_areThoseOfTheText_whateverTheReadSizes() {
        String text = text();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int most : new int[] {1, 7, 4096, 65_536, Integer.MAX_VALUE}) {
            assertEquals(expected(text), read(inReadsOf(bytes, most), Long.MAX_VALUE), "reads of " + most);
        }
    }

    @Test
    void aLineStartedBeforeTheLimit_isReadWhole_andNoneAfter() {
        byte[] bytes = "ab\ncd\r\nef\n\ngh".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("ab"), read(inReadsOf(bytes, 2), 1));
        assertEquals(List.of("ab", "cd"), read(inReadsOf(bytes, 2), 4));
        assertEquals(List.of("ab", "cd", "ef", ""), read(inReadsOf(bytes, 3), 11));
        assertEquals(List.of("ab", "cd", "ef", "", "gh"), read(inReadsOf(bytes, 5), 12));
        assertEquals(List.of(), read(inReadsOf(new byte[0], 5), 12));
        assertEquals(List.of(""), read(inReadsOf("\n".getBytes(StandardCharsets.UTF_8), 5), 12));
    }
}
