package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/** Expressions stripped of names, qualifiers and nullability, to compare what they compute. */
final class Canonical {
    private Canonical() {
    }

    static Expression of(Expression e) {
        return e.transformUp(x -> x instanceof AttributeReference a
                ? new AttributeReference("", a.dataType(), true, a.exprId(), null) : x);
    }

    static List<Expression> all(List<? extends Expression> es) {
        List<Expression> out = new ArrayList<>();
        for (Expression e : es) {
            out.add(of(e));
        }
        return out;
    }
}
