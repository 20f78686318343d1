package io.ember.examples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Writes deterministic text for word-count jobs: lines of 12 words drawn from a 50,000-word
 * vocabulary with a Zipf(1.1) distribution, the same bytes for the same arguments on every
 * machine (the words workload of the reference benchmarks).
 *
 * <pre>{@code WordsGenerator.write(Path.of("words.txt"), 2_000_000, 42);}</pre>
 */
public final class WordsGenerator {
    private static final int VOCABULARY = 50_000;
    private static final int WORDS_PER_LINE = 12;

    private WordsGenerator() {
    }

    /** Writes {@code lines} lines to {@code file} (atomically: a partial file is never left behind). */
    public static void write(Path file, long lines, long seed) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, ".words", ".tmp");
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8), 1 << 20)) {
            write(out, lines, seed);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes {@code lines} lines to {@code out}. */
    public static void write(Writer out, long lines, long seed) throws IOException {
        String[] dictionary = dictionary();
        double[] cumulative = new double[VOCABULARY];
        double total = 0;
        for (int i = 0; i < VOCABULARY; i++) {
            total += 1.0 / Math.pow(i + 1, 1.1);
            cumulative[i] = total;
        }
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder line = new StringBuilder(128);
        for (long l = 0; l < lines; l++) {
            line.setLength(0);
            for (int k = 0; k < WORDS_PER_LINE; k++) {
                int index = Arrays.binarySearch(cumulative, random.nextDouble() * total);
                if (index < 0) {
                    index = -index - 1;
                }
                if (k > 0) {
                    line.append(' ');
                }
                line.append(dictionary[Math.min(index, VOCABULARY - 1)]);
            }
            line.append('\n');
            out.append(line);
        }
    }

    /** Word i spells i in base 26 with letters, plus "ing" for every seventh word. */
    private static String[] dictionary() {
        String[] words = new String[VOCABULARY];
        for (int i = 0; i < VOCABULARY; i++) {
            StringBuilder w = new StringBuilder();
            int n = i;
            do {
                w.append((char) ('a' + n % 26));
                n /= 26;
            } while (n > 0);
            words[i] = w.append(i % 7 == 0 ? "ing" : "").toString();
        }
        return words;
    }
}
