package io.ember.testing.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.stream.Stream;

/** A copy of the repository as a fresh checkout has it: no build outputs, generated data or Git metadata. */
final class SourceTree {
    private static final Set<String> NOT_COPIED = Set.of("target", ".git", ".idea");

    private SourceTree() {
    }

    /** Copies the repository at {@code root} to {@code to} (executable bits kept); returns {@code to}. */
    static Path copy(Path root, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(f -> keep(root, f))::iterator) {
                Path target = to.resolve(root.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

    private static boolean keep(Path root, Path file) {
        Path relative = root.relativize(file);
        for (Path part : relative) {
            if (NOT_COPIED.contains(part.toString())) {
                return false;
            }
        }
        return !relative.startsWith("data") && !relative.startsWith(Path.of("benchmarks", "data"));
    }
}
