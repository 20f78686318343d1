package io.ember.dataframe.internal.analysis;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.expressions.Alias;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Explode;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.plan.Generate;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.types.StructField;
import io.ember.dataframe.internal.window.Windows;
import java.util.ArrayList;
import java.util.List;

/**
 * Lifts a generator ({@code explode} and its kin) out of a resolved projection into a
 * {@link Generate} node under it, as Spark's {@code ExtractGenerator} rule does: {@code
 * select(a, explode(xs))} becomes a projection of {@code a, col} over a Generate of
 * {@code explode(xs)}. At most one generator per projection, and only as a whole item
 * (possibly aliased), as in Spark.
 */
public final class Generators {
    private Generators() {
    }

    /**
     * {@code projectList} over {@code child}, through a Generate when an item is a generator (and
     * through the window operators when it has window expressions).
     *
     * @throws AnalysisException for two generators, a generator inside another expression, or an
     *     alias list that does not fit
     */
    public static LogicalPlan project(List<NamedExpression> projectList, LogicalPlan child) {
        List<Explode> found = new ArrayList<>();
        for (NamedExpression e : projectList) {
            found.addAll(e.collect(Explode.class));
        }
        if (found.isEmpty()) {
            return Windows.project(projectList, child);
        }
        if (found.size() > 1) {
            throw new AnalysisException("[UNSUPPORTED_GENERATOR.MULTI_GENERATOR] The generator is not supported: "
                    + "only one generator allowed per SELECT clause but found " + found.size() + ": "
                    + sqls(found) + ".");
        }
        List<NamedExpression> rewritten = new ArrayList<>();
        Generate generate = null;
        for (NamedExpression e : projectList) {
            Explode g = e instanceof Alias a && a.child() instanceof Explode x ? x : null;
            if (g == null) {
                if (!e.collect(Explode.class).isEmpty()) {
                    throw new AnalysisException("[UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS] The generator is not "
                            + "supported: nested in expressions \"" + e.sql() + "\".");
                }
                rewritten.add(e);
                continue;
            }
            List<StructField> fields = g.elementFields();
            // An item the user did not alias is named after its own text; its columns then take
            // the generator's default names (col, key, value, pos), as in Spark.
            boolean userAlias = !((Alias) e).name().equals(g.sql());
            if (userAlias && fields.size() != 1) {
                throw new AnalysisException("[UDTF_ALIAS_NUMBER_MISMATCH] The number of aliases supplied in the AS "
                        + "clause does not match the number of columns output by the UDTF. Expected " + fields.size()
                        + " aliases, but got " + ((Alias) e).name() + ".");
            }
            List<AttributeReference> out = new ArrayList<>();
            for (StructField f : fields) {
                out.add(AttributeReference.create(userAlias ? ((Alias) e).name() : f.name(), f.dataType(), f.nullable()));
            }
            rewritten.addAll(out);
            generate = new Generate(g, out, child);
        }
        return Windows.project(rewritten, generate);
    }

    private static String sqls(List<Explode> gs) {
        List<String> out = new ArrayList<>();
        for (Explode g : gs) {
            out.add("\"" + g.sql() + "\"");
        }
        return String.join(", ", out);
    }
}
