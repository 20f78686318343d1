package io.ember.rdd.internal.io;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one listing of input files: which files a path names, and which of them a read takes. A
 * path names the file itself, or the visible files of a directory in name order. Files starting
 * with {@code _} or {@code .} are skipped, as Hadoop's input formats do, so that {@code _SUCCESS}
 * markers and hidden staging files are never read. A {@link Filter} narrows the files further by
 * name glob and modification time, as Spark's {@code pathGlobFilter}, {@code modifiedBefore} and
 * {@code modifiedAfter} options do; the DataFrame file index lists through the same filter.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * Which files a read takes, besides not being hidden.
     *
     * @param nameGlob             a glob the file name (not its directories) must match, or null
     * @param modifiedBeforeMillis files modified at or after this epoch millisecond are left out, or null
     * @param modifiedAfterMillis  files modified at or before this epoch millisecond are left out, or null
     */
    public record Filter(String nameGlob, Long modifiedBeforeMillis, Long modifiedAfterMillis) implements Serializable {
        /** Takes every visible file. */
        public static final Filter ALL = new Filter(null, null, null);

        /**
         * Checks the glob.
         *
         * @throws IllegalArgumentException if {@code nameGlob} is not a valid glob
         */
        public Filter {
            if (nameGlob != null) {
                try {
                    FileSystems.getDefault().getPathMatcher("glob:" + nameGlob);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Option 'pathGlobFilter' is not a valid glob: '" + nameGlob
                            + "' (" + e.getMessage() + ")", e);
                }
            }
        }

        /** Whether the read takes {@code file} found in a directory: visible and {@link #matches}. */
        public boolean accepts(Path file) {
            return !isHidden(file) && matches(file);
        }

        /** Whether {@code file} matches the name glob and the modification window. */
        public boolean matches(Path file) {
            if (nameGlob != null) {
                PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + nameGlob);
                if (!m.matches(file.getFileName())) {
                    return false;
                }
            }
            if (modifiedBeforeMillis == null && modifiedAfterMillis == null) {
                return true;
            }
            long modified;
            try {
                modified = Files.getLastModifiedTime(file).toMillis();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the modification time of " + file, e);
            }
            return (modifiedBeforeMillis == null || modified < modifiedBeforeMillis)
                    && (modifiedAfterMillis == null || modified > modifiedAfterMillis);
        }
    }

    /** Whether {@code file}'s name marks it hidden ({@code _} or {@code .} first). */
    public static boolean isHidden(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("_") || name.startsWith(".");
    }

    /**
     * The files of {@code root}.
     *
     * @throws UncheckedIOException wrapping {@link NoSuchFileException} if it does not exist
     */
    static List<Path> list(Path root) {
        return list(root, Filter.ALL);
    }

    /**
     * The files of {@code root} that {@code filter} takes; a file named directly is taken unless
     * the filter's name glob or modification window leaves it out.
     *
     * @throws UncheckedIOException wrapping {@link NoSuchFileException} if it does not exist
     */
    public static List<Path> list(Path root, Filter filter) {
        if (!Files.exists(root)) {
            throw new UncheckedIOException(new NoSuchFileException(root.toString(), null, "input path does not exist"));
        }
        if (!Files.isDirectory(root)) {
            return filter.matches(root) ? List.of(root) : List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isRegularFile).filter(filter::accepts).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list input directory " + root, e);
        }
    }
}
