package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.expressions.Alias;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.BoundReference;
import io.ember.dataframe.internal.expressions.Expression;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Replaces attributes by the ordinal of their column in an operator's input, before execution. */
public final class Binder {
    private Binder() {
    }

    /** {@code e} with every attribute bound to its position in {@code input}. */
    public static Expression bind(Expression e, List<AttributeReference> input) {
        Map<Long, Integer> ordinals = new HashMap<>();
        for (int i = 0; i < input.size(); i++) {
            ordinals.putIfAbsent(input.get(i).exprId(), i);
        }
        Expression stripped = e instanceof Alias a ? a.child() : e;
        return stripped.transformUp(x -> {
            if (x instanceof AttributeReference a) {
                Integer ord = ordinals.get(a.exprId());
                if (ord == null) {
                    throw new IllegalStateException("Couldn't find " + a.explain() + " in " + input);
                }
                return new BoundReference(ord, a.dataType(), a.nullable(), a.name());
            }
            return x;
        });
    }

    /** Binds each of {@code es}. */
    public static Expression[] bindAll(List<? extends Expression> es, List<AttributeReference> input) {
        Expression[] out = new Expression[es.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bind(es.get(i), input);
        }
        return out;
    }
}
