package io.ember.benchmarks.tpch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The 22 TPC-H queries in their standard text with the validation run's substitution parameters
 * ({@code tpch/q1.sql} ... {@code q22.sql} on the class path, the same texts the dataframe
 * module's TPC-H test checks against DuckDB). Every engine runs them unchanged.
 */
public final class TpchQueries {
    /** How many queries TPC-H has. */
    public static final int COUNT = 22;

    private TpchQueries() {
    }

    /** The text of query {@code number} (1-22). */
    public static String text(int number) {
        if (number < 1 || number > COUNT) {
            throw new IllegalArgumentException("TPC-H has queries 1 to " + COUNT + ", not " + number);
        }
        String resource = "/tpch/q" + number + ".sql";
        try (InputStream in = TpchQueries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path (ember-benchmarks)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
