package io.ember.dataframe.internal.io;

import io.ember.rdd.internal.io.InputFiles;
import java.io.FileNotFoundException;
import java.io.Serializable;
import java.nio.file.NoSuchFileException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The generic file options of every file format, as Spark names them: which files a read takes
 * ({@code pathGlobFilter}, {@code recursiveFileLookup}, {@code modifiedBefore},
 * {@code modifiedAfter}) and what reading does with a file that is gone or unreadable
 * ({@code ignoreMissingFiles}, {@code ignoreCorruptFiles}: the rest of that file is skipped with a
 * warning, the other files are read).
 */
public record FileReadOptions(InputFiles.Filter filter, boolean recursiveFileLookup, boolean ignoreCorruptFiles,
                              boolean ignoreMissingFiles) implements Serializable {

    private static final System.Logger LOG = System.getLogger(FileReadOptions.class.getName());

    /** The option names, in Spark's spelling. */
    public static final Set<String> NAMES = Set.of("path", "pathGlobFilter", "recursiveFileLookup",
            "ignoreCorruptFiles", "ignoreMissingFiles", "modifiedBefore", "modifiedAfter");

    /** Every file, errors fail the read. */
    public static final FileReadOptions DEFAULT = new FileReadOptions(InputFiles.Filter.ALL, false, false, false);

    /**
     * The file options among {@code options}; times are read in {@code timeZone}.
     *
     * @throws IllegalArgumentException naming an option whose value is bad
     */
    public static FileReadOptions from(DataSourceOptions options, String timeZone) {
        InputFiles.Filter filter = new InputFiles.Filter(options.get("pathGlobFilter"),
                instant(options, "modifiedBefore", timeZone), instant(options, "modifiedAfter", timeZone));
        return new FileReadOptions(filter, options.bool("recursiveFileLookup", false),
                options.bool("ignoreCorruptFiles", false), options.bool("ignoreMissingFiles", false));
    }

    private static Long instant(DataSourceOptions options, String name, String timeZone) {
        String v = options.get(name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(v.trim().replace(' ', 'T')).atZone(ZoneId.of(timeZone)).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Option '" + name + "' must be a timestamp like 2020-06-01T13:00:00, got '"
                    + v + "'", e);
        }
    }

    /**
     * The rows {@code open} reads from {@code file}, ending early with a warning where the
     * options say to: when the file is missing and {@code ignoreMissingFiles} is set, or when it
     * cannot be read and {@code ignoreCorruptFiles} is set. Malformed records are not file
     * corruption: the format's {@code mode} decides them, so they always propagate.
     */
    public <T> Iterator<T> read(String file, Supplier<Iterator<T>> open) {
        if (!ignoreCorruptFiles && !ignoreMissingFiles) {
            return open.get();
        }
        return new Iterator<>() {
            Iterator<T> inner;
            boolean finished;

            @Override
            public boolean hasNext() {
                if (finished) {
                    return false;
                }
                try {
                    if (inner == null) {
                        inner = open.get();
                    }
                    return inner.hasNext();
                } catch (RuntimeException e) {
                    skipOrRethrow(file, e);
                    finished = true;
                    return false;
                }
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return inner.next();
            }
        };
    }

    private void skipOrRethrow(String file, RuntimeException e) {
        if (e instanceof MalformedRecordException || interrupted(e)) {
            throw e;
        }
        if (missing(e)) {
            if (ignoreMissingFiles) {
                LOG.log(System.Logger.Level.WARNING, "Skipped missing file " + file + " (ignoreMissingFiles)", e);
                return;
            }
            throw e;
        }
        if (ignoreCorruptFiles) {
            LOG.log(System.Logger.Level.WARNING, "Skipped the rest of corrupt file " + file + " (ignoreCorruptFiles)", e);
            return;
        }
        throw e;
    }

    /**
     * Whether {@code e} comes from the task being interrupted (killed or cancelled): never a
     * file to skip, or a killed task would end as if it had read everything.
     */
    private static boolean interrupted(Throwable e) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException
                    || t instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    private static boolean missing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NoSuchFileException || t instanceof FileNotFoundException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * Whether a failure to open or read a file is one {@link #read} would skip; when it is, the
     * skip is logged.
     */
    public boolean skips(String file, Exception e) {
        if (e instanceof MalformedRecordException || interrupted(e)) {
            return false;
        }
        boolean skip = missing(e) ? ignoreMissingFiles : ignoreCorruptFiles;
        if (skip) {
            LOG.log(System.Logger.Level.WARNING, "Skipped unreadable file " + file
                    + " (ignoreMissingFiles / ignoreCorruptFiles)", e);
        }
        return skip;
    }
}
