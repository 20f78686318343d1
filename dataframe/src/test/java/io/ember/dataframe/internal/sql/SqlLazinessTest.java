package io.ember.dataframe.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.DataFrame;
import io.ember.dataframe.EmberSession;
import io.ember.dataframe.types.DataTypes;
import io.ember.rdd.EmberListener;
import io.ember.rdd.ListenerEvent;
import io.vavr.Function1;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Creating views and writing SQL runs nothing: jobs start, and functions are called, only at an action. */
class SqlLazinessTest {
    private static final AtomicInteger CALLS = new AtomicInteger();

    @Test
    void sqlRunsNothingUntilAnAction() throws InterruptedException {
        EmberSession spark = SqlFixtures.session();
        spark.udf().register("counted", (Function1<Integer, Integer>) x -> {
            CALLS.incrementAndGet();
            return x;
        }, DataTypes.IntegerType);
        AtomicInteger jobs = new AtomicInteger();
        EmberListener listener = e -> {
            if (e instanceof ListenerEvent.JobStart) {
                jobs.incrementAndGet();
            }
        };
        spark.context().addListener(listener);
        try {
            CALLS.set(0);
            DataFrame df = spark.sql("WITH c AS (SELECT counted(id) AS x, dept FROM emp WHERE counted(id) > 0) "
                    + "SELECT dept, sum(x), row_number() OVER (ORDER BY dept) FROM c GROUP BY dept ORDER BY 1");
            df.createOrReplaceTempView("lazy_view");
            DataFrame again = spark.sql("SELECT * FROM lazy_view JOIN dept USING (dept)");
            spark.catalog().listTables();
            again.explainString(true);
            Thread.sleep(300);
            assertEquals(0, CALLS.get(), "a UDF ran before any action");
            assertEquals(0, jobs.get(), "a job ran before any action");
            assertEquals(2, again.count());
            assertTrue(CALLS.get() > 0);
        } finally {
            spark.context().removeListener(listener);
        }
    }
}
