package io.ember.dataframe;

import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.UserDefinedCall;
import io.ember.dataframe.types.DataType;
import io.ember.serializers.Closures;
import java.util.ArrayList;
import java.util.List;

/**
 * A user-defined function (a Vavr {@code Function1}..{@code Function3}) with its result type.
 * It receives external values (as {@link Row} holds them, nulls included) and is called once per
 * row on the executors, so it must be serializable; that is checked when it is created.
 */
public final class UserDefinedFunction {
    private final String name;
    private final Object function;
    private final int arity;
    private final DataType returnType;

    UserDefinedFunction(String name, Object function, int arity, DataType returnType) {
        Closures.ensureSerializable(function);
        this.name = name;
        this.function = function;
        this.arity = arity;
        this.returnType = returnType;
    }

    /** The name used in column names and plans. */
    public String name() {
        return name;
    }

    /** The result type. */
    public DataType returnType() {
        return returnType;
    }

    /** A copy named {@code newName}. */
    public UserDefinedFunction withName(String newName) {
        return new UserDefinedFunction(newName, function, arity, returnType);
    }

    /**
     * The call of this function on {@code cols}.
     *
     * @throws AnalysisException if the number of columns is not the function's arity
     */
    public Column apply(Column... cols) {
        if (cols.length != arity) {
            throw new AnalysisException("[WRONG_NUM_ARGS] The function `" + name + "` requires " + arity
                    + " parameters but the actual number is " + cols.length + ".");
        }
        List<Expression> args = new ArrayList<>();
        for (Column c : cols) {
            args.add(c.expr());
        }
        return new Column(new UserDefinedCall(name, function, returnType, args));
    }
}
