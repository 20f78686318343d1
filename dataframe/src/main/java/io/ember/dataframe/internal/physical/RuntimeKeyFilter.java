package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.rdd.Broadcast;
import java.util.List;

/**
 * Whether a row's keys are among a broadcast join's build keys: a runtime filter as a condition,
 * evaluated by a scan that evaluates conditions itself ({@link FileScanExec}, which then decodes
 * its other columns only for the rows that pass) or by {@link RuntimeFilterExec}. Never null: a
 * null key is not among them.
 *
 * @param keys the probe keys, of the build keys' types
 * @param relation the build side's rows and key table
 */
record RuntimeKeyFilter(List<Expression> keys, Broadcast<BroadcastHashJoinExec.HashedRelation> relation)
        implements Expression {

    @Override
    public List<Expression> children() {
        return keys;
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return new RuntimeKeyFilter(List.copyOf(children), relation);
    }

    @Override
    public DataType dataType() {
        return DataTypes.BooleanType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        int n = input.numRows;
        ColumnVector[] keyCols = new ColumnVector[keys.size()];
        for (int i = 0; i < keyCols.length; i++) {
            keyCols[i] = keys.get(i).eval(input);
        }
        boolean[] found = new boolean[n];
        relation.value().table().markFound(keyCols, n, found);
        return ColumnVector.ofBooleans(DataTypes.BooleanType, found, null, n);
    }

    @Override
    public String render(List<String> childTexts) {
        return "runtime_filter(" + String.join(", ", childTexts) + ")";
    }
}
