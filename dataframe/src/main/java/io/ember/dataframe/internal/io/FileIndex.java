package io.ember.dataframe.internal.io;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.StructType;
import io.ember.rdd.internal.io.InputFiles;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files behind one or more paths: plain files, directories (recursively; names starting
 * with {@code _} or {@code .} skipped) and globs ({@code data/*.csv}). Directories named
 * {@code key=value} below a root are partitions: their values become columns (typed int, bigint,
 * double or string by what all values parse as; {@code __HIVE_DEFAULT_PARTITION__} is null).
 */
public final class FileIndex {
    /** The name Spark writes for a null partition value. */
    public static final String DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";

    private final List<String> roots;
    private final List<InputFile> files;
    private final StructType partitionSchema;
    private final FileReadOptions readOptions;

    /** One input file, with its size and the raw partition values of its directories. */
    public record InputFile(String path, long size, Map<String, String> partitionValues) implements Serializable {
    }

    private FileIndex(List<String> roots, List<InputFile> files, StructType partitionSchema,
                      FileReadOptions readOptions) {
        this.roots = roots;
        this.files = files;
        this.partitionSchema = partitionSchema;
        this.readOptions = readOptions;
    }

    /**
     * Lists {@code paths}.
     *
     * @throws AnalysisException naming a path that does not exist or matches nothing
     */
    public static FileIndex list(List<String> paths) {
        return list(paths, FileReadOptions.DEFAULT);
    }

    /**
     * Lists {@code paths}, taking the files {@code options} take: with
     * {@code recursiveFileLookup} every file below a directory is read and directory names are
     * not partitions.
     *
     * @throws AnalysisException naming a path that does not exist or matches nothing
     */
    public static FileIndex list(List<String> paths, FileReadOptions options) {
        List<InputFile> files = new ArrayList<>();
        for (String p : paths) {
            List<Path> roots = expand(p);
            for (Path root : roots) {
                if (Files.isDirectory(root)) {
                    walk(root, root, files, options);
                } else if (options.filter().matches(root)) {
                    files.add(new InputFile(root.toString(), size(root), Map.of()));
                }
            }
        }
        return new FileIndex(paths, files, inferPartitionSchema(files), options);
    }

    private static List<Path> expand(String pattern) {
        boolean glob = pattern.contains("*") || pattern.contains("?") || pattern.contains("[") || pattern.contains("{");
        if (!glob) {
            Path p = Path.of(pattern);
            if (!Files.exists(p)) {
                throw new AnalysisException("[PATH_NOT_FOUND] Path does not exist: file:" + p.toAbsolutePath() + ".");
            }
            return List.of(p);
        }
        Path base = Path.of(pattern.substring(0, Math.max(0, firstGlobChar(pattern))));
        if (!pattern.substring(0, firstGlobChar(pattern)).endsWith("/")) {
            base = base.getParent() == null ? Path.of(".") : base.getParent();
        }
        Path absBase = base.toAbsolutePath().normalize();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + Path.of(pattern).toAbsolutePath().normalize());
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(absBase)) {
            try (Stream<Path> s = Files.walk(absBase)) {
                s.filter(matcher::matches).filter(p -> !hidden(absBase.relativize(p))).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + absBase, e);
            }
        }
        if (out.isEmpty()) {
            throw new AnalysisException("[PATH_NOT_FOUND] Path does not exist: file:" + Path.of(pattern).toAbsolutePath()
                    + " (the glob matches nothing).");
        }
        return out;
    }

    private static boolean hidden(Path relative) {
        for (Path seg : relative) {
            String n = seg.toString();
            if (n.startsWith("_") || n.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static int firstGlobChar(String p) {
        int i = 0;
        while (i < p.length() && "*?[{".indexOf(p.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    private static void walk(Path root, Path dir, List<InputFile> out, FileReadOptions options) {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list input directory " + dir, e);
        }
        for (Path e : entries) {
            if (InputFiles.isHidden(e)) {
                continue;
            }
            if (Files.isDirectory(e)) {
                walk(root, e, out, options);
            } else if (options.filter().matches(e)) {
                Map<String, String> parts = new LinkedHashMap<>();
                Path rel = root.relativize(e.getParent());
                for (Path seg : options.recursiveFileLookup() ? List.<Path>of() : rel) {
                    String s = seg.toString();
                    int eq = s.indexOf('=');
                    if (eq > 0) {
                        parts.put(s.substring(0, eq), unescape(s.substring(eq + 1)));
                    }
                }
                out.add(new InputFile(e.toString(), size(e), parts));
            }
        }
    }

    private static String unescape(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of " + p, e);
        }
    }

    private static StructType inferPartitionSchema(List<InputFile> files) {
        Map<String, DataType> types = new LinkedHashMap<>();
        for (InputFile f : files) {
            for (Map.Entry<String, String> e : f.partitionValues().entrySet()) {
                DataType t = typeOf(e.getValue());
                DataType prev = types.get(e.getKey());
                types.put(e.getKey(), prev == null ? t : merge(prev, t));
            }
        }
        StructType s = new StructType();
        for (Map.Entry<String, DataType> e : types.entrySet()) {
            s = s.add(e.getKey(), DataTypes.NullType.equals(e.getValue()) ? DataTypes.StringType : e.getValue(), true);
        }
        return s;
    }

    private static DataType typeOf(String v) {
        if (v.equals(DEFAULT_PARTITION)) {
            return DataTypes.NullType;
        }
        try {
            Integer.parseInt(v);
            return DataTypes.IntegerType;
        } catch (NumberFormatException e) {
            // not an int
        }
        try {
            Long.parseLong(v);
            return DataTypes.LongType;
        } catch (NumberFormatException e) {
            // not a long
        }
        try {
            Double.parseDouble(v);
            return DataTypes.DoubleType;
        } catch (NumberFormatException e) {
            return DataTypes.StringType;
        }
    }

    private static DataType merge(DataType a, DataType b) {
        if (a.equals(b) || DataTypes.NullType.equals(b)) {
            return a;
        }
        if (DataTypes.NullType.equals(a)) {
            return b;
        }
        if (DataTypes.StringType.equals(a) || DataTypes.StringType.equals(b)) {
            return DataTypes.StringType;
        }
        if (DataTypes.DoubleType.equals(a) || DataTypes.DoubleType.equals(b)) {
            return DataTypes.DoubleType;
        }
        return DataTypes.LongType;
    }

    /** The internal value of a raw partition value for {@code type}. */
    public static Object partitionValue(String raw, DataType type) {
        if (raw == null || raw.equals(DEFAULT_PARTITION)) {
            return null;
        }
        if (DataTypes.IntegerType.equals(type)) {
            return Integer.parseInt(raw);
        }
        if (DataTypes.LongType.equals(type)) {
            return Long.parseLong(raw);
        }
        if (DataTypes.DoubleType.equals(type)) {
            return Double.parseDouble(raw);
        }
        return raw;
    }

    /** What the read does with files that are missing or unreadable. */
    public FileReadOptions readOptions() {
        return readOptions;
    }

    /** The paths given. */
    public List<String> roots() {
        return roots;
    }

    /** The files found, in path order. */
    public List<InputFile> files() {
        return files;
    }

    /** The partition columns found in directory names. */
    public StructType partitionSchema() {
        return partitionSchema;
    }

    /** The total size. */
    public long totalSize() {
        long s = 0;
        for (InputFile f : files) {
            s += f.size();
        }
        return s;
    }
}
