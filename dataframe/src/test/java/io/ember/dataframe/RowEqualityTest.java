package io.ember.dataframe;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Row#equals} as Spark's Row compares values (Scala's cooperative numeric equality). */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RowEqualityTest {

    private static void assertSame(Row a, Row b) {
        assertEquals(a, b);
        assertEquals(b, a);
        assertEquals(a.hashCode(), b.hashCode(), "equal rows hash alike");
    }

    @Test
    void numbersCompareByValueAcrossJavaTypes() {
        assertSame(RowFactory.create(1), RowFactory.create(1L));
        assertSame(RowFactory.create(1L), RowFactory.create(1.0));
        assertSame(RowFactory.create(0.0), RowFactory.create(-0.0));
        assertSame(RowFactory.create(Double.NaN), RowFactory.create(Double.NaN));
        assertNotEquals(RowFactory.create(1), RowFactory.create(2L));
        assertNotEquals(RowFactory.create(1.5), RowFactory.create(1L));
    }

    @Test
    void decimalsByValue_bytesByContent_nullsOnlyEqualNull() {
        assertSame(RowFactory.create(new BigDecimal("1.0")), RowFactory.create(new BigDecimal("1.00")));
        assertSame(RowFactory.create(new BigDecimal("0.00")), RowFactory.create(new BigDecimal("0")));
        assertNotEquals(RowFactory.create(new BigDecimal("1")), RowFactory.create(1L),
                "Spark compares a java.math.BigDecimal only with another");
        assertSame(RowFactory.create((Object) new byte[] {1, 2}), RowFactory.create((Object) new byte[] {1, 2}));
        assertSame(RowFactory.create((Object) null), RowFactory.create((Object) null));
        assertNotEquals(RowFactory.create((Object) null), RowFactory.create(0));
        assertNotEquals(RowFactory.create(1), RowFactory.create(1, 2));
        assertSame(RowFactory.create("a", List.of(1, 2)), RowFactory.create("a", List.of(1, 2)));
    }
}
