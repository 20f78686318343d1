package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.Int128;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DecimalType;

/**
 * A cast between decimal types that keeps or raises the scale (compact to wide, wide to wide,
 * compact to compact: the casts comparisons and unions of mixed decimal types insert), on the
 * unscaled words ({@link Int128}) with no {@link java.math.BigDecimal} per row. Nothing rounds, so
 * a value is null exactly when it has more digits than the target's precision, as on the general
 * path; a value past 128 bits has more than 38.
 */
final class DecimalUpscale {
    private DecimalUpscale() {
    }

    /** Whether {@link #apply} casts {@code in} (of type {@code from}) to {@code to}. */
    static boolean applies(ColumnVector in, DataType from, DataType to) {
        return from instanceof DecimalType f && to instanceof DecimalType t && t.scale() >= f.scale()
                && (in.kind == ColumnVector.DECIMAL || in.kind == ColumnVector.WIDE_DECIMAL);
    }

    /** {@code in}'s first {@code n} values at {@code to}'s scale; null where they do not fit it. */
    static ColumnVector apply(ColumnVector in, DecimalType to, int n) {
        int up = to.scale() - in.scale();
        int precision = to.precision();
        long[] hi = new long[n];
        long[] lo = new long[n];
        boolean[] nulls = Vectors.copyNulls(in, n);
        for (int i = 0; i < n; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            long high = in.kind == ColumnVector.WIDE_DECIMAL ? in.highs[i] : Int128.highOf(in.longs[i]);
            if (!Int128.rescaleUp(high, in.longs[i], up, hi, lo, i) || !Int128.fits(hi[i], lo[i], precision)) {
                nulls = Vectors.setNull(nulls, i, n);
                hi[i] = 0;
                lo[i] = 0;
            }
        }
        if (ColumnVector.kindOf(to) == ColumnVector.DECIMAL) {
            // Values within a compact precision are longs: the low words are the values.
            return ColumnVector.ofUnscaledDecimals(to, lo, nulls, n);
        }
        return ColumnVector.ofWideDecimals(to, hi, lo, nulls, n);
    }
}
