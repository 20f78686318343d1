package io.ember.dataframe.internal.optimizer;

import io.ember.dataframe.internal.expressions.Alias;
import io.ember.dataframe.internal.expressions.And;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.expressions.Or;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Helpers the rules share: conjunctions, disjunctions and attribute substitution. */
public final class Predicates {
    private Predicates() {
    }

    /** {@code a AND b AND c} as {@code [a, b, c]}. */
    public static List<Expression> splitConjuncts(Expression e) {
        List<Expression> out = new ArrayList<>();
        split(e, out);
        return out;
    }

    private static void split(Expression e, List<Expression> out) {
        if (e instanceof And a) {
            split(a.left(), out);
            split(a.right(), out);
        } else {
            out.add(e);
        }
    }

    /** {@code a OR b OR c} as {@code [a, b, c]}. */
    public static List<Expression> splitDisjuncts(Expression e) {
        List<Expression> out = new ArrayList<>();
        if (e instanceof Or o) {
            out.addAll(splitDisjuncts(o.left()));
            out.addAll(splitDisjuncts(o.right()));
        } else {
            out.add(e);
        }
        return out;
    }

    /** The disjunction of {@code es} (not empty). */
    public static Expression or(List<Expression> es) {
        Expression out = es.get(0);
        for (int i = 1; i < es.size(); i++) {
            out = new Or(out, es.get(i));
        }
        return out;
    }

    /** The conjunction of {@code es}, or null if empty. */
    public static Expression and(List<Expression> es) {
        Expression out = null;
        for (Expression e : es) {
            out = out == null ? e : new And(out, e);
        }
        return out;
    }

    /** Whether every attribute {@code e} reads is in {@code ids}. */
    public static boolean refersOnlyTo(Expression e, Set<Long> ids) {
        return ids.containsAll(e.referenceIds());
    }

    /** Map from the ids a projection produces to the expressions that produce them. */
    public static Map<Long, Expression> aliases(List<NamedExpression> projectList) {
        Map<Long, Expression> map = new HashMap<>();
        for (NamedExpression n : projectList) {
            if (n instanceof Alias a) {
                map.put(a.exprId(), a.child());
            }
        }
        return map;
    }

    /** {@code e} with attributes replaced by the expressions {@code map} gives for their ids. */
    public static Expression substitute(Expression e, Map<Long, Expression> map) {
        return e.transformUp(x -> x instanceof AttributeReference a && map.containsKey(a.exprId())
                ? map.get(a.exprId()) : x);
    }
}
