package io.ember.dataframe;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.types.StructType;
import io.vavr.Function1;
import io.vavr.Function2;
import java.time.ZoneId;
import java.util.Iterator;

/**
 * The batch functions of typed operations (the plan's {@code MapPartitions} node): each
 * partition's batches are read into rows and objects, the user's function runs over the objects,
 * and its results become rows and batches again, one batch at a time as the next operator pulls.
 * Everything runs on the executors; the function and encoders travel with the task.
 */
final class TypedPartitions {
    private final StructType inputSchema;
    private final ZoneId zone;
    private final int batchSize;
    private final boolean java8Api;

    private TypedPartitions(StructType inputSchema, ZoneId zone, int batchSize, boolean java8Api) {
        this.inputSchema = inputSchema;
        this.zone = zone;
        this.batchSize = batchSize;
        this.java8Api = java8Api;
    }

    /** The conversions of {@code session}'s settings for batches of {@code inputSchema}. */
    static TypedPartitions of(EmberSession session, StructType inputSchema) {
        RuntimeConfig conf = session.conf();
        return new TypedPartitions(inputSchema, ZoneId.of(conf.timeZone()), Math.max(1, conf.batchSize()),
                conf.java8Api());
    }

    /** Rows of the input schema to batches of {@code outputSchema} through {@code f}. */
    Function2<Integer, Iterator<ColumnBatch>, Iterator<ColumnBatch>> rows(StructType outputSchema,
            Function1<io.vavr.collection.Iterator<Row>, Iterator<Row>> f) {
        StructType in = inputSchema;
        ZoneId z = zone;
        int size = batchSize;
        boolean java8 = java8Api;
        return (index, batches) -> {
            io.vavr.collection.Iterator<Row> rows = io.vavr.collection.Iterator.ofAll(batches)
                    .flatMap(b -> Rows.toRows(b, in, java8));
            return Rows.toBatches(index, f.apply(rows), outputSchema, z, size);
        };
    }

    /** Objects of {@code input} to objects of {@code output} through {@code f}. */
    <T, U> Function2<Integer, Iterator<ColumnBatch>, Iterator<ColumnBatch>> objects(AgnosticEncoder<T> input,
            AgnosticEncoder<U> output, Function1<io.vavr.collection.Iterator<T>, ? extends Iterator<U>> f) {
        return rows(output.schema(), rows -> io.vavr.collection.Iterator.<U>ofAll(f.apply(rows.map(input::fromRow)))
                .map(output::toRow));
    }
}
