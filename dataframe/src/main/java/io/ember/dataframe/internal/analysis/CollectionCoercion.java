package io.ember.dataframe.internal.analysis;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.ScalarFunction;
import io.ember.dataframe.types.ArrayType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.MapType;
import io.ember.dataframe.types.NullType;
import io.ember.dataframe.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * The casts of the collection functions, whose arguments are typed by one another rather than
 * by a fixed {@link io.ember.dataframe.internal.expressions.ArgType}: {@code array(...)} and the keys and
 * the values of {@code map(...)} to a common type, the value {@code array_contains} looks for to
 * the element type, the key {@code element_at} looks up to the map's key type (an array index
 * to int); and {@code to_json} takes only a struct, map or array.
 */
final class CollectionCoercion {
    private CollectionCoercion() {
    }

    /** {@code f} with the casts its collection arguments need, or {@code f} itself for other functions. */
    static ScalarFunction coerce(ScalarFunction f) {
        List<Expression> args = f.args();
        switch (f.fn()) {
            case ARRAY:
                return with(f, TypeCoercion.commonCast(f, args));
            case MAP: {
                if (args.size() % 2 != 0) {
                    throw new AnalysisException("[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `map` requires 2n (n > 0) "
                            + "parameters but the actual number is " + args.size() + ".");
                }
                List<Expression> keys = new ArrayList<>();
                List<Expression> values = new ArrayList<>();
                for (int i = 0; i < args.size(); i += 2) {
                    keys.add(args.get(i));
                    values.add(args.get(i + 1));
                }
                keys = TypeCoercion.commonCast(f, keys);
                values = TypeCoercion.commonCast(f, values);
                if (keys.get(0).dataType() instanceof NullType) {
                    throw TypeCoercion.mismatch(f, "the keys of a map cannot be null", "NULL_MAP_KEY");
                }
                List<Expression> out = new ArrayList<>();
                for (int i = 0; i < keys.size(); i++) {
                    out.add(keys.get(i));
                    out.add(values.get(i));
                }
                return with(f, out);
            }
            case ARRAY_CONTAINS:
                return with(f, List.of(args.get(0), castTo(f, args.get(1), ((ArrayType) args.get(0).dataType())
                        .elementType())));
            case ELEMENT_AT: {
                DataType t = args.get(0).dataType();
                DataType key = t instanceof MapType m ? m.keyType() : DataTypes.IntegerType;
                return with(f, List.of(args.get(0), castTo(f, args.get(1), key)));
            }
            case TO_JSON: {
                DataType t = args.get(0).dataType();
                if (!(t instanceof ArrayType) && !(t instanceof MapType) && !(t instanceof StructType)) {
                    throw TypeCoercion.mismatch(f, "the first parameter requires the (\"STRUCT\" or \"MAP\" or "
                            + "\"ARRAY\") type, however \"" + args.get(0).sql() + "\" has the type \"" + t.sql() + "\"",
                            "UNEXPECTED_INPUT_TYPE");
                }
                return f;
            }
            default:
                return f;
        }
    }

    private static Expression castTo(Expression parent, Expression e, DataType target) {
        DataType t = e.dataType();
        if (TypeCoercion.comparisonType(t, target) == null) {
            throw TypeCoercion.mismatch(parent, "the second parameter of type \"" + t.sql()
                    + "\" does not match the collection's type \"" + target.sql() + "\"", "ARRAY_FUNCTION_DIFF_TYPES");
        }
        return TypeCoercion.cast(e, target);
    }

    private static ScalarFunction with(ScalarFunction f, List<Expression> args) {
        return new ScalarFunction(f.fn(), args, f.zone());
    }
}
