package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Explode;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.plan.Generate;
import io.ember.rdd.RDD;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a {@link Generate}: per batch, the generator's input is evaluated once, each row's
 * generated rows are appended to new vectors, and the child's columns are repeated by one
 * selection of row indexes (no per-row copy of them).
 */
public final class GenerateExec extends PhysicalPlan {
    private final Explode generator;
    private final List<AttributeReference> generatorOutput;
    private final PhysicalPlan child;

    public GenerateExec(Explode generator, List<AttributeReference> generatorOutput, PhysicalPlan child) {
        this.generator = generator;
        this.generatorOutput = List.copyOf(generatorOutput);
        this.child = child;
    }

    @Override
    public List<PhysicalPlan> children() {
        return List.of(child);
    }

    @Override
    public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
        return new GenerateExec(generator, generatorOutput, c.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        return Generate.output(child.output(), generatorOutput);
    }

    @Override
    public Partitioning outputPartitioning() {
        return child.outputPartitioning();
    }

    @Override
    public String nodeString() {
        return Generate.describe(generator, generatorOutput);
    }

    @Override
    protected RDD<ColumnBatch> doExecute(ExecContext ctx) {
        Explode bound = (Explode) Binder.bind(generator, child.output());
        List<AttributeReference> out = generatorOutput;
        return child.execute(ctx).mapPartitions(it -> it.map(b -> generate(bound, out, b)), true);
    }

    private static ColumnBatch generate(Explode generator, List<AttributeReference> out, ColumnBatch b) {
        Expression input = generator.child();
        ColumnVector values = input.eval(b);
        ColumnVector[] generated = new ColumnVector[out.size()];
        for (int c = 0; c < generated.length; c++) {
            generated[c] = ColumnVector.allocate(out.get(c).dataType(), b.numRows);
        }
        int[] rowOf = new int[Math.max(16, b.numRows)];
        int n = 0;
        for (int r = 0; r < b.numRows; r++) {
            for (Object[] row : generator.generate(values.get(r))) {
                if (n == rowOf.length) {
                    rowOf = Arrays.copyOf(rowOf, n * 2);
                }
                rowOf[n++] = r;
                for (int c = 0; c < generated.length; c++) {
                    generated[c].append(row[c]);
                }
            }
        }
        ColumnBatch repeated = b.select(rowOf, n);
        ColumnVector[] cols = Arrays.copyOf(repeated.columns, repeated.columns.length + generated.length);
        System.arraycopy(generated, 0, cols, repeated.columns.length, generated.length);
        return new ColumnBatch(cols, n);
    }
}
