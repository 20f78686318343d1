package com.example.starter;

import static io.ember.dataframe.Functions.col;
import static io.ember.dataframe.Functions.count;
import static io.ember.dataframe.Functions.sum;

import io.ember.dataframe.DataFrame;
import io.ember.dataframe.EmberSession;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.StructType;

/**
 * Trips and revenue per borough of a CSV file with the columns {@code borough,fare}:
 * {@code TripStats <file.csv>}.
 */
public final class TripStats {
    /** The input's columns. */
    public static final StructType SCHEMA = new StructType()
            .add("borough", DataTypes.StringType)
            .add("fare", DataTypes.DoubleType);

    private TripStats() {
    }

    /** One row per borough with a positive fare: borough, trips, revenue; by borough. */
    public static DataFrame perBorough(EmberSession spark, String csv) {
        return spark.read().option("header", "true").schema(SCHEMA).csv(csv)
                .filter(col("fare").gt(0))
                .groupBy(col("borough"))
                .agg(count("*").as("trips"), sum("fare").as("revenue"))
                .orderBy(col("borough"));
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: TripStats <trips.csv>");
            System.exit(2);
        }
        try (EmberSession spark = EmberSession.builder().appName("starter-trip-stats").getOrCreate()) {
            perBorough(spark, args[0]).show();
        }
    }
}
