package io.ember.examples;

import static io.ember.dataframe.Functions.*;
import static org.junit.jupiter.api.Assertions.*;

import io.ember.dataframe.DataFrame;
import io.ember.dataframe.EmberSession;
import io.ember.dataframe.Row;
import io.ember.dataframe.RowFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real zone table and generated trips: every aggregate is also computed here, line by line in
 * plain Java, and the two must agree.
 */
class TaxiSuiteTest {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final EmberSession spark = ExampleSession.get();

    @TempDir
    static Path dir;

    @BeforeAll
    static void generate() throws IOException {
        TaxiRevenue.prepare(dir, 20_000);
        TaxiTripsGenerator.writeYellow(dir.resolve("dirty/yellow.csv"), 5_000, YearMonth.of(2021, 2), 7, 0.05);
    }

    /** LocationID to (Borough, Zone), parsed by hand. */
    private static Map<Integer, String[]> zones() throws IOException {
        Map<Integer, String[]> out = new HashMap<>();
        List<String> lines = Files.readAllLines(dir.resolve("taxi_zone_lookup.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            String[] clean = new String[f.length];
            for (int i = 0; i < f.length; i++) {
                clean[i] = f[i].replace("\"", "");
            }
            out.put(Integer.parseInt(clean[0]), new String[] {clean[1], clean[2]});
        }
        return out;
    }

    @Test
    void zoneTable_headerAndInferSchema() {
        DataFrame z = spark.read().option("header", "true").option("inferSchema", "true").csv(dir.resolve("taxi_zone_lookup.csv").toString());
        assertEquals("root\n"
                + " |-- LocationID: integer (nullable = true)\n"
                + " |-- Borough: string (nullable = true)\n"
                + " |-- Zone: string (nullable = true)\n"
                + " |-- service_zone: string (nullable = true)\n", z.schema().treeString());
        assertEquals(265, z.count());
        Row first = z.orderBy(col("LocationID")).first();
        assertEquals(RowFactory.create(1, "EWR", "Newark Airport", "EWR"), first);
        assertEquals(8, z.select(col("Borough")).distinct().count(), "7 boroughs and N/A");
        assertEquals(""
                + "+----------+-------+--------------------+------------+\n"
                + "|LocationID|Borough|                Zone|service_zone|\n"
                + "+----------+-------+--------------------+------------+\n"
                + "|         1|    EWR|      Newark Airport|         EWR|\n"
                + "|         2| Queens|         Jamaica Bay|   Boro Zone|\n"
                + "|         3|  Bronx|Allerton/Pelham G...|   Boro Zone|\n"
                + "+----------+-------+--------------------+------------+\n"
                + "only showing top 3 rows\n", z.showString(3, 20));
    }

    @Test
    void zoneTable_matchesHandCount() throws IOException {
        Map<Integer, String[]> z = zones();
        DataFrame df = spark.read().option("header", "true").option("inferSchema", "true")
                .csv(dir.resolve("taxi_zone_lookup.csv").toString());
        Map<String, Long> perBorough = new HashMap<>();
        for (String[] v : z.values()) {
            perBorough.merge(v[0], 1L, Long::sum);
        }
        for (Row r : df.groupBy(col("Borough")).count().collectAsList()) {
            assertEquals(perBorough.get(r.getString(0)), r.getLong(1), r.getString(0));
        }
        assertEquals(perBorough.size(), df.select("Borough").distinct().count());
    }

    @Test
    void yellowRevenue_perBoroughAndHour() throws IOException {
        Map<Integer, String[]> z = zones();
        Map<String, double[]> expected = new HashMap<>();
        List<String> lines = Files.readAllLines(dir.resolve("yellow/yellow_tripdata_2021-01.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            double total = Double.parseDouble(f[16]);
            int zone = Integer.parseInt(f[7]);
            if (total <= 0 || !z.containsKey(zone)) {
                continue;
            }
            int hour = LocalDateTime.parse(f[1], TS).getHour();
            double[] acc = expected.computeIfAbsent(z.get(zone)[0] + "|" + hour, k -> new double[3]);
            acc[0] += total;
            acc[1] += 1;
            acc[2] += Double.parseDouble(f[4]);
        }
        DataFrame trips = spark.read().option("header", "true").schema(TaxiRevenue.YELLOW_SCHEMA)
                .csv(dir.resolve("yellow").toString());
        DataFrame zonesDf = spark.read().option("header", "true").option("inferSchema", "true")
                .csv(dir.resolve("taxi_zone_lookup.csv").toString());
        DataFrame result = trips.filter(col("total_amount").gt(0))
                .join(zonesDf, col("PULocationID").equalTo(col("LocationID")))
                .groupBy(col("Borough"), hour(col("tpep_pickup_datetime")).as("hour"))
                .agg(sum("total_amount").as("revenue"), count("*").as("trips"), avg("trip_distance"))
                .orderBy(col("revenue").desc());
        assertArrayEquals(new String[] {"Borough", "hour", "revenue", "trips", "avg(trip_distance)"}, result.columns());
        List<Row> rows = result.collectAsList();
        assertEquals(expected.size(), rows.size());
        double previous = Double.MAX_VALUE;
        for (Row r : rows) {
            double[] acc = expected.get(r.getString(0) + "|" + r.getInt(1));
            assertNotNull(acc, r.toString());
            assertEquals(acc[0], r.getDouble(2), 1e-6, r.toString());
            assertEquals((long) acc[1], r.getLong(3), r.toString());
            assertEquals(acc[2] / acc[1], r.getDouble(4), 1e-9, r.toString());
            assertTrue(r.getDouble(2) <= previous, "sorted by revenue, descending");
            previous = r.getDouble(2);
        }
    }

    @Test
    void revenueExample_greenAndYellow_perZoneAndHour() throws IOException {
        Map<Integer, String[]> z = zones();
        Map<String, double[]> expected = new HashMap<>();
        addTrips(expected, z, dir.resolve("yellow/yellow_tripdata_2021-01.csv"), 1, 7, 16, 4);
        addTrips(expected, z, dir.resolve("green/green_tripdata_2021-01.csv"), 1, 5, 16, 8);
        DataFrame revenue = TaxiRevenue.revenue(spark, dir);
        Path out = dir.resolve("revenue");
        revenue.write().mode("overwrite").parquet(out.toString());
        List<Row> rows = spark.read().parquet(out.toString()).collectAsList();
        assertEquals(expected.size(), rows.size());
        for (Row r : rows) {
            String key = r.getString(0) + "|" + r.getTimestamp(1).toInstant();
            double[] acc = expected.get(key);
            assertNotNull(acc, key);
            assertEquals(Math.round(acc[0] * 100) / 100.0, r.getDouble(2), 0.0051, key);
            assertEquals((long) acc[1], r.getLong(3), key);
        }
    }

    private static void addTrips(Map<String, double[]> expected, Map<Integer, String[]> z, Path file, int pickup,
                                 int zoneField, int totalField, int distanceField) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            double total = Double.parseDouble(f[totalField]);
            int zone = Integer.parseInt(f[zoneField]);
            if (total <= 0 || !z.containsKey(zone)) {
                continue;
            }
            LocalDateTime t = LocalDateTime.parse(f[pickup], TS).withMinute(0).withSecond(0);
            String key = z.get(zone)[1] + "|" + t.atZone(java.time.ZoneOffset.UTC).toInstant();
            double[] acc = expected.computeIfAbsent(key, k -> new double[2]);
            acc[0] += total;
            acc[1] += 1;
        }
    }

    @Test
    void dirtyTrips_eachModeAccountsForEveryLine() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("dirty/yellow.csv"));
        long good = 0;
        long nonEmpty = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (line.isEmpty()) {
                continue;
            }
            nonEmpty++;
            String[] f = line.split(",", -1);
            if (f.length == 18 && !line.contains("\"")) {
                good++;
            }
        }
        String path = dir.resolve("dirty/yellow.csv").toString();
        DataFrame permissive = spark.read().option("header", "true")
                .schema(TaxiRevenue.YELLOW_SCHEMA + ", _corrupt_record STRING").csv(path);
        assertEquals(nonEmpty, permissive.count());
        assertEquals(nonEmpty - good, permissive.filter(col("_corrupt_record").isNotNull()).count());
        DataFrame dropped = spark.read().option("header", "true").option("mode", "DROPMALFORMED")
                .schema(TaxiRevenue.YELLOW_SCHEMA).csv(path);
        assertEquals(good, dropped.collectAsList().size());
        assertTrue(nonEmpty > good, "the file has malformed lines");
    }
}
