package io.ember.benchmarks.compare;

import io.ember.benchmarks.W2WordCount;
import io.ember.benchmarks.W6RevenueJoin;
import io.ember.benchmarks.W7Sort;
import io.ember.benchmarks.W8TinyJobs;
import io.ember.benchmarks.support.TaxiInputs;
import io.ember.benchmarks.tpch.TpchTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * DuckDB's side of a comparison, one workload per process: an in-memory database through JDBC,
 * {@code SET threads = 2}, time zone UTC, each workload as the SQL a DuckDB user would write for
 * it over the same files. Orderings spell out Spark's null placement (ascending nulls first,
 * descending nulls last), DuckDB's default differs. TPC-H queries run as written over views of
 * the shared Parquet files.
 */
public final class DuckDbChild {
    private DuckDbChild() {
    }

    /** Runs the workload {@code workload=...} names. */
    public static void main(String[] argv) throws Exception {
        ChildArgs args = ChildArgs.parse(argv);
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckDb.createStatement()) {
            statement.execute("SET threads = 2");
            statement.execute("SET TimeZone = 'UTC'");
            run(statement, args.get("workload"), args);
        }
    }

    private static void run(Statement db, String workload, ChildArgs args) throws Exception {
        switch (workload) {
            case "W1" -> RunLoop.measure(args, 1, () -> query(db, "SELECT sum(x) AS sum, count(*) AS count FROM "
                    + "(SELECT range * 2 AS x FROM range(1, " + (EmberChild.W1_SIZE + 1) + ")) WHERE x % 3 = 0"));
            case "W2" -> RunLoop.measure(args, 1, () -> query(db, "SELECT word, count(*) AS n FROM (SELECT "
                    + "unnest(string_split(line, ' ')) AS word FROM read_csv('" + args.get("words") + "', header = false, "
                    + "delim = '\\t', quote = '', escape = '', columns = {'line': 'VARCHAR'})) GROUP BY word "
                    + "ORDER BY n DESC, word LIMIT " + W2WordCount.TOP));
            case "W3" -> RunLoop.measure(args, 1, () -> query(db, groupBy("read_csv('" + args.get("yellowCsv")
                    + "', header = true, columns = " + columns(TaxiInputs.YELLOW_SCHEMA) + ")")));
            case "W4" -> RunLoop.measure(args, 1, () -> query(db, groupBy(parquet(args.get("yellowParquet")))));
            case "W5" -> RunLoop.measure(args, 1, () -> query(db, "SELECT Borough, count(*) AS trips, "
                    + "sum(total_amount) AS total_amount FROM " + parquet(args.get("yellowParquet")) + " JOIN read_csv('"
                    + args.get("zones") + "', header = true, columns = " + columns(TaxiInputs.ZONE_SCHEMA)
                    + ") ON PULocationID = LocationID GROUP BY Borough ORDER BY Borough NULLS FIRST"));
            case "W6" -> {
                String joined = revenueJoin(args.get("yellowParquet"), args.get("greenParquet"));
                RunLoop.measure(args, 1, () -> {
                    List<List<Object>> answer = new ArrayList<>(query(db, "SELECT count(*) FROM (" + joined + ")"));
                    answer.addAll(query(db, "SELECT * FROM (" + joined + ") ORDER BY yellow_amount DESC NULLS LAST, "
                            + "hour NULLS FIRST, revenue_zone NULLS FIRST LIMIT " + W6RevenueJoin.TOP));
                    return answer;
                });
            }
            case "W7top" -> RunLoop.measure(args, 1, () -> query(db, "SELECT * FROM " + parquet(args.get("yellowParquet"))
                    + W7_ORDER + " LIMIT " + W7Sort.TOP).stream()
                    .map(row -> List.of(row.get(16), row.get(4))) // total_amount, trip_distance
                    .toList());
            case "W7sort" -> {
                Path out = args.path("out").resolve("duckdb-w7-sorted.parquet");
                RunLoop.measure(args, 1, () -> {
                    db.execute("COPY (SELECT * FROM " + parquet(args.get("yellowParquet")) + W7_ORDER + ") TO '" + out
                            + "' (FORMAT parquet, COMPRESSION snappy)");
                    return List.of();
                });
            }
            case "W8" -> RunLoop.measure(args, W8TinyJobs.JOBS, () -> {
                long total = 0;
                for (int i = 0; i < W8TinyJobs.JOBS; i++) {
                    total += (Long) query(db, "SELECT count(*) FROM range(1, " + (EmberChild.W8_ELEMENTS + 1) + ")")
                            .get(0).get(0);
                }
                return List.of(List.<Object>of(total));
            });
            case "W9" -> RunLoop.measure(args, 1, () -> query(db, "SELECT count(*) FROM range(1, 11)"));
            default -> {
                Path dir = args.path("tpch");
                for (String table : TpchTables.NAMES) {
                    db.execute("CREATE VIEW " + table + " AS SELECT * FROM read_parquet('" + TpchTables.file(dir, table)
                            + "')");
                }
                String sql = Files.readString(args.path("sql"));
                RunLoop.measure(args, 1, () -> query(db, sql));
            }
        }
    }

    private static final String W7_ORDER = " ORDER BY total_amount DESC NULLS LAST, trip_distance ASC NULLS FIRST";

    /** W3's (and W4's) query over the yellow trips in {@code source}. */
    private static String groupBy(String source) {
        return "SELECT PULocationID, hour(tpep_pickup_datetime) AS hour, sum(total_amount) AS total_amount, "
                + "avg(trip_distance) AS avg_distance, count(*) AS trips FROM " + source
                + " WHERE total_amount > 0 GROUP BY PULocationID, hour(tpep_pickup_datetime)";
    }

    /** W6's full outer join of green and yellow revenue per (hour, zone), columns in Ember's order. */
    private static String revenueJoin(String yellow, String green) {
        return "SELECT hour, revenue_zone, green_amount, green_number_records, yellow_amount, yellow_number_records FROM ("
                + revenue(green, "lpep_pickup_datetime", "green") + ") FULL OUTER JOIN ("
                + revenue(yellow, "tpep_pickup_datetime", "yellow") + ") USING (hour, revenue_zone)";
    }

    private static String revenue(String parquet, String pickup, String colour) {
        return "SELECT date_trunc('hour', " + pickup + ") AS hour, PULocationID AS revenue_zone, sum(total_amount) AS "
                + colour + "_amount, count(*) AS " + colour + "_number_records FROM " + parquet(parquet)
                + " GROUP BY ALL";
    }

    /** Ember writes a Parquet copy as a directory of part files. */
    private static String parquet(String dir) {
        return "read_parquet('" + Path.of(dir).resolve("*.parquet") + "')";
    }

    /** A DDL schema ({@code name TYPE, ...}) as read_csv's {@code columns} struct, STRING as VARCHAR. */
    static String columns(String ddl) {
        return Arrays.stream(ddl.split(",\\s*"))
                .map(field -> field.trim().split("\\s+"))
                .map(f -> "'" + f[0] + "': '" + (f[1].toUpperCase(Locale.ROOT).equals("STRING") ? "VARCHAR" : f[1]) + "'")
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static List<List<Object>> query(Statement db, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (ResultSet rs = db.executeQuery(sql)) {
            int width = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(width);
                for (int i = 1; i <= width; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
