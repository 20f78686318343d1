package io.ember.examples;

import static io.ember.dataframe.Functions.avg;
import static io.ember.dataframe.Functions.col;
import static io.ember.dataframe.Functions.count;
import static io.ember.dataframe.Functions.date_trunc;
import static io.ember.dataframe.Functions.lit;
import static io.ember.dataframe.Functions.round;
import static io.ember.dataframe.Functions.sum;

import io.ember.dataframe.DataFrame;
import io.ember.dataframe.EmberSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

/**
 * The taxi revenue example, the classic course exercise: green and yellow trips (generated if
 * absent) unioned, joined with the zone table, revenue and trips per pickup zone and hour,
 * written as Parquet, the top rows shown.
 *
 * <pre>
 * java io.ember.examples.TaxiRevenue [data-dir] [rows-per-color]
 * </pre>
 *
 * Defaults: {@code data/taxi} and 200000 rows. Writes {@code <data-dir>/revenue/} (Parquet,
 * overwritten).
 */
public final class TaxiRevenue {
    /** The columns of the yellow files, typed. */
    public static final String YELLOW_SCHEMA = "VendorID INT, tpep_pickup_datetime TIMESTAMP, "
            + "tpep_dropoff_datetime TIMESTAMP, passenger_count INT, trip_distance DOUBLE, RatecodeID INT, "
            + "store_and_fwd_flag STRING, PULocationID INT, DOLocationID INT, payment_type INT, fare_amount DOUBLE, "
            + "extra DOUBLE, mta_tax DOUBLE, tip_amount DOUBLE, tolls_amount DOUBLE, improvement_surcharge DOUBLE, "
            + "total_amount DOUBLE, congestion_surcharge DOUBLE";
    /** The columns of the green files, typed. */
    public static final String GREEN_SCHEMA = "VendorID INT, lpep_pickup_datetime TIMESTAMP, "
            + "lpep_dropoff_datetime TIMESTAMP, store_and_fwd_flag STRING, RatecodeID INT, PULocationID INT, "
            + "DOLocationID INT, passenger_count INT, trip_distance DOUBLE, fare_amount DOUBLE, extra DOUBLE, "
            + "mta_tax DOUBLE, tip_amount DOUBLE, tolls_amount DOUBLE, ehail_fee DOUBLE, improvement_surcharge DOUBLE, "
            + "total_amount DOUBLE, payment_type INT, trip_type INT, congestion_surcharge DOUBLE";

    private TaxiRevenue() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "data/taxi");
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 200_000;
        prepare(dir, rows);
        try (EmberSession spark = EmberSession.builder().appName("taxi-revenue").getOrCreate()) {
            System.out.println("Ember web UI at " + spark.context().uiWebUrl().getOrElse("(disabled)"));
            DataFrame revenue = revenue(spark, dir);
            revenue.write().mode("overwrite").parquet(dir.resolve("revenue").toString());
            DataFrame written = spark.read().parquet(dir.resolve("revenue").toString());
            written.orderBy(col("revenue").desc()).show(20, false);
            System.out.println("zone-hours: " + written.count() + ", written to " + dir.resolve("revenue"));
            revenue.explain();
        }
    }

    /** Generates a month of yellow and green trips and copies the zone table under {@code dir}, unless present. */
    public static void prepare(Path dir, long rows) throws IOException {
        Path yellow = dir.resolve("yellow/yellow_tripdata_2021-01.csv");
        Path green = dir.resolve("green/green_tripdata_2021-01.csv");
        if (!Files.exists(yellow)) {
            System.out.println("Generating " + rows + " yellow trips into " + yellow);
            TaxiTripsGenerator.writeYellow(yellow, rows, YearMonth.of(2021, 1), 42, 0);
        }
        if (!Files.exists(green)) {
            System.out.println("Generating " + rows / 4 + " green trips into " + green);
            TaxiTripsGenerator.writeGreen(green, rows / 4, YearMonth.of(2021, 1), 42, 0);
        }
        Path zones = dir.resolve("taxi_zone_lookup.csv");
        if (!Files.exists(zones)) {
            Files.createDirectories(dir);
            try (InputStream in = TaxiRevenue.class.getResourceAsStream("/taxi_zone_lookup.csv")) {
                Files.copy(in, zones);
            }
        }
    }

    /** Revenue, trips and mean distance per pickup zone and hour, green and yellow together. */
    public static DataFrame revenue(EmberSession spark, Path dir) {
        DataFrame yellow = spark.read().option("header", "true").schema(YELLOW_SCHEMA)
                .csv(dir.resolve("yellow").toString())
                .select(col("tpep_pickup_datetime").as("pickup_datetime"), col("PULocationID"),
                        col("total_amount"), col("trip_distance"), lit("yellow").as("service_type"));
        DataFrame green = spark.read().option("header", "true").schema(GREEN_SCHEMA)
                .csv(dir.resolve("green").toString())
                .select(col("lpep_pickup_datetime").as("pickup_datetime"), col("PULocationID"),
                        col("total_amount"), col("trip_distance"), lit("green").as("service_type"));
        DataFrame zones = spark.read().option("header", "true").option("inferSchema", "true")
                .csv(dir.resolve("taxi_zone_lookup.csv").toString());
        return yellow.union(green)
                .filter(col("total_amount").gt(0))
                .join(zones, col("PULocationID").equalTo(col("LocationID")))
                .groupBy(col("Zone"), date_trunc("hour", col("pickup_datetime")).as("hour"))
                .agg(round(sum("total_amount"), 2).as("revenue"), count("*").as("trips"),
                        round(avg("trip_distance"), 2).as("avg_distance"));
    }
}
