package io.ember.dataframe.internal.io.parquet;

/**
 * The values of one data page in one encoding, decoded many at a time. Only the non-null values
 * are stored, so callers ask for as many as the definition levels say are present. Each
 * encoding implements the reads of the physical types it applies to; asking for another is a
 * malformed file, reported with the encoding's name.
 *
 * <p>Mutable; owned by the column chunk reader of the page.
 */
abstract class ValuesDecoder {

    /** Receives byte-array values (also fixed-length ones and int96); the bytes are only valid during the call. */
    @FunctionalInterface
    interface BinarySink {
        void accept(byte[] data, int offset, int length);
    }

    /** The encoding's name, for errors. */
    abstract String encoding();

    /**
     * Moves past the next {@code n} present values without producing them: rows that a scan's
     * condition rejected. Cheaper than a read wherever the encoding allows (fixed widths advance,
     * runs are counted down); encodings that chain values (delta byte arrays) decode and drop.
     */
    abstract void skip(int n);

    void readBooleans(boolean[] dst, int off, int n) {
        throw unsupported("boolean");
    }

    void readInts(int[] dst, int off, int n) {
        throw unsupported("int32");
    }

    void readLongs(long[] dst, int off, int n) {
        throw unsupported("int64");
    }

    /** Reads floats, widened to doubles. */
    void readFloats(double[] dst, int off, int n) {
        throw unsupported("float");
    }

    void readDoubles(double[] dst, int off, int n) {
        throw unsupported("double");
    }

    void readBinaries(BinarySink sink, int n) {
        throw unsupported("byte array");
    }

    private IllegalStateException unsupported(String type) {
        return new IllegalStateException("Parquet encoding " + encoding() + " cannot hold " + type + " values");
    }
}
