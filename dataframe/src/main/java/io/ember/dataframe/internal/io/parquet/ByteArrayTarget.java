package io.ember.dataframe.internal.io.parquet;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.StringType;
import java.util.Arrays;

/** Byte-array values as strings (UTF-8, appended as bytes) or as binaries (copied). */
final class ByteArrayTarget extends ColumnTarget.Appending {
    private final DataType type;
    private final boolean utf8;

    /** A target for {@code type}: strings when it is a {@link StringType}, binaries otherwise. */
    ByteArrayTarget(DataType type) {
        this.type = type;
        this.utf8 = type instanceof StringType;
    }

    @Override
    ColumnVector allocate(int n) {
        return ColumnVector.allocate(type, n);
    }

    @Override
    void append(ValuesDecoder values, int count, ColumnVector out) {
        if (utf8) {
            values.readBinaries(out::appendUtf8, count);
        } else {
            values.readBinaries((data, off, length) -> out.appendObject(Arrays.copyOfRange(data, off, off + length)),
                    count);
        }
    }
}
