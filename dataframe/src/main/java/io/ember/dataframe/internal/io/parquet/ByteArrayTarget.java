package io.ember.dataframe.internal.io.parquet;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import java.util.Arrays;

/** Byte-array values as strings (UTF-8, appended as bytes) or as binaries (copied). */
final class ByteArrayTargets {
    private ByteArrayTargets() {
    }

    static final class Utf8 extends ColumnTarget.Appending {
        private final DataType type;

        Utf8(DataType type) {
            this.type = type;
        }

        @Override
        ColumnVector allocate(int n) {
            return ColumnVector.allocate(type, n);
        }

        @Override
        void append(ValuesDecoder values, int count, ColumnVector out) {
            values.readBinaries(out::appendUtf8, count);
        }
    }

    static final class Bytes extends ColumnTarget.Appending {
        private final DataType type;

        Bytes(DataType type) {
            this.type = type;
        }

        @Override
        ColumnVector allocate(int n) {
            return ColumnVector.allocate(type, n);
        }

        @Override
        void append(ValuesDecoder values, int count, ColumnVector out) {
            values.readBinaries((data, off, length) -> out.appendObject(Arrays.copyOfRange(data, off, off + length)), count);
        }
    }
}
