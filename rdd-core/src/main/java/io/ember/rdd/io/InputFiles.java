package io.ember.rdd.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files a path names for the text readers: the file itself, or the visible files of a
 * directory in name order. Files starting with {@code _} or {@code .} are skipped, as Hadoop's
 * input formats do, so that {@code _SUCCESS} markers and hidden staging files are never read.
 */
final class InputFiles {
    private InputFiles() {
    }

    /**
     * The files of {@code root}.
     *
     * @throws UncheckedIOException wrapping {@link NoSuchFileException} if it does not exist
     */
    static List<Path> list(Path root) {
        if (!Files.exists(root)) {
            throw new UncheckedIOException(new NoSuchFileException(root.toString(), null, "input path does not exist"));
        }
        if (!Files.isDirectory(root)) {
            return List.of(root);
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("_") && !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list input directory " + root, e);
        }
    }
}
