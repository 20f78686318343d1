package io.ember.dataframe.internal.plan;

import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Explode;
import io.ember.dataframe.internal.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands every row of {@code child} into the rows {@code generator} makes of it (Spark's
 * {@code Generate}): the output is the child's columns followed by {@code generatorOutput}, one
 * attribute per column of the generator.
 */
public record Generate(Explode generator, List<AttributeReference> generatorOutput, LogicalPlan child)
        implements LogicalPlan {

    public Generate {
        generatorOutput = List.copyOf(generatorOutput);
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> c) {
        return new Generate(generator, generatorOutput, c.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        return output(child.output(), generatorOutput);
    }

    /** The columns of a generate (logical or physical): the child's, then the generator's. */
    public static List<AttributeReference> output(List<AttributeReference> childOutput,
                                                  List<AttributeReference> generatorOutput) {
        List<AttributeReference> out = new ArrayList<>(childOutput);
        out.addAll(generatorOutput);
        return out;
    }

    @Override
    public List<Expression> expressions() {
        return List.of(generator);
    }

    @Override
    public String nodeString() {
        return describe(generator, generatorOutput);
    }

    /** The plan line (logical or physical): {@code Generate explode(xs#1), false, [col#5]}. */
    public static String describe(Explode generator, List<AttributeReference> generatorOutput) {
        return "Generate " + generator.explain() + ", " + generator.outer() + ", " + LogicalPlan.list(generatorOutput);
    }

    @Override
    public long sizeInBytes() {
        // Spark's guess without statistics: a generator's output is about as large as its input.
        return child.sizeInBytes();
    }
}
