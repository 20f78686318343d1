package io.ember.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.benchmarks.support.EmberSessions;
import io.ember.benchmarks.support.TaxiInputs;
import io.ember.dataframe.EmberSession;
import io.ember.dataframe.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DataFrame workloads (W3-W7) on small generated inputs: CSV and Parquet agree, totals add up. */
class DataFrameWorkloadsTest {
    static final long ROWS = 20_000;
    static EmberSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = EmberSessions.start("dataframe-workloads-test");
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    private static List<String> sorted(List<Row> rows) {
        return rows.stream().map(Row::toString).sorted().collect(Collectors.toList());
    }

    @Test
    void groupBy_csvAndParquetCopyGiveTheSameGroups() throws IOException {
        String data = dir.toString();
        Path csv = TaxiInputs.yellowCsv(data, ROWS);
        Path parquet = TaxiInputs.yellowParquet(spark, data, ROWS);
        assertEquals(parquet, TaxiInputs.yellowParquet(spark, data, ROWS), "the copy is reused");
        List<Row> fromCsv = W3CsvGroupby.groupBy(W3CsvGroupby.readCsv(spark, csv)).collectAsList();
        List<Row> fromParquet = W3CsvGroupby.groupBy(spark.read().parquet(parquet.toString())).collectAsList();
        assertEquals(sorted(fromCsv), sorted(fromParquet));
        long trips = fromCsv.stream().mapToLong(r -> r.getLong(4)).sum();
        long positive = Files.lines(csv).skip(1).filter(l -> Double.parseDouble(l.split(",", -1)[16]) > 0).count();
        assertEquals(positive, trips);
        assertTrue(fromCsv.stream().allMatch(r -> r.getInt(1) >= 0 && r.getInt(1) < 24), "hours in UTC, 0-23");
    }

    @Test
    void broadcastJoin_countsEveryTripOnceInBoroughOrder() throws IOException {
        String data = dir.toString();
        List<Row> boroughs = W5BroadcastJoin.query(spark, TaxiInputs.yellowParquet(spark, data, ROWS),
                TaxiInputs.zoneLookup(data)).collectAsList();
        assertEquals(ROWS, boroughs.stream().mapToLong(r -> r.getLong(1)).sum(), "zones 1..265 all in the table");
        List<String> names = boroughs.stream().map(r -> r.getString(0)).toList();
        assertEquals(names.stream().sorted(Comparator.naturalOrder()).toList(), names);
    }

    @Test
    void revenueJoin_fullOuterJoinKeepsEveryGroupOfBothSides() throws IOException {
        String data = dir.toString();
        Path yellow = TaxiInputs.yellowParquet(spark, data, ROWS);
        Path green = TaxiInputs.greenParquet(spark, data, ROWS / 4);
        long joined = W6RevenueJoin.joined(spark, yellow, green).count();
        long yellowGroups = W6RevenueJoin.revenue(spark.read().parquet(yellow.toString()), "tpep_pickup_datetime", "yellow").count();
        long greenGroups = W6RevenueJoin.revenue(spark.read().parquet(green.toString()), "lpep_pickup_datetime", "green").count();
        assertTrue(joined >= Math.max(yellowGroups, greenGroups) && joined <= yellowGroups + greenGroups,
                joined + " vs " + yellowGroups + " + " + greenGroups);
    }

    @Test
    void sort_top100IsTheStartOfTheFullSort() throws IOException {
        String data = dir.toString();
        Path input = TaxiInputs.yellowParquet(spark, data, ROWS);
        List<Row> top = W7Sort.sorted(spark, input).limit(W7Sort.TOP).collectAsList();
        Path out = TaxiInputs.outputDir(data, "sorted");
        W7Sort.sorted(spark, input).write().mode("overwrite").parquet(out.toString());
        List<Row> all = spark.read().parquet(out.toString()).collectAsList();
        assertEquals(ROWS, all.size());
        for (int i = 0; i < W7Sort.TOP; i++) {
            assertEquals(all.get(i).getDouble(16), top.get(i).getDouble(16), 1e-9, "total_amount of row " + i);
        }
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).getDouble(16) >= all.get(i).getDouble(16), "descending at " + i);
        }
    }
}
