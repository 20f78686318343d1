package com.example.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.dataframe.EmberSession;
import io.ember.dataframe.Row;
import io.ember.rdd.EmberContext;
import io.ember.testing.EmberTest;
import io.vavr.Tuple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Both jobs of the starter, checked against values worked out by hand. */
@EmberTest
@Timeout(60)
class StarterJobsTest {

    @Test
    void wordCount_topWords(EmberContext sc, @TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("text.txt"), "The cat and the dog.\nA dog, a cat; the end\n");
        assertEquals(io.vavr.collection.List.of(Tuple.of("the", 3), Tuple.of("a", 2), Tuple.of("cat", 2)),
                WordCount.topWords(sc, text.toString(), 3));
    }

    @Test
    void tripStats_perBorough(EmberSession spark, @TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("trips.csv"), String.join("\n",
                "borough,fare", "Queens,10.5", "Bronx,7.0", "Queens,4.5", "Bronx,-1.0", "Brooklyn,0.0", ""));
        Map<String, String> stats = new TreeMap<>();
        for (Row row : TripStats.perBorough(spark, csv.toString()).collectAsList()) {
            stats.put(row.getString(0), row.getLong(1) + " trips, " + row.getDouble(2));
        }
        assertEquals(Map.of("Bronx", "1 trips, 7.0", "Queens", "2 trips, 15.0"), stats);
        assertEquals(List.of("Bronx", "Queens"), List.copyOf(stats.keySet()));
    }
}
