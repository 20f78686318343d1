package io.ember.dataframe.internal.io.parquet;

/** RLE booleans (data pages v2): a 4-byte length, then the RLE/bit-packed hybrid of width 1. */
final class RleBooleanDecoder extends ValuesDecoder {
    private final RleBitPackedDecoder bits;

    RleBooleanDecoder(PageBytes in) {
        int length = in.readIntLE();
        this.bits = new RleBitPackedDecoder(in.slice(length), 1);
    }

    @Override
    String encoding() {
        return "RLE";
    }

    @Override
    void skip(int n) {
        bits.skip(n);
    }

    @Override
    void readBooleans(boolean[] dst, int off, int n) {
        bits.readBooleans(dst, off, n);
    }
}
