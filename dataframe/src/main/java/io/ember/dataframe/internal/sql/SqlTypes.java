package io.ember.dataframe.internal.sql;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.StructType;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.statement.create.table.ColDataType;

/** The Ember type a SQL type name stands for in {@code CAST(x AS type)}, read as DDL (as {@code Column.cast(String)} does). */
final class SqlTypes {
    private SqlTypes() {
    }

    static DataType of(ColDataType t) {
        String name = t.getDataType().toUpperCase(Locale.ROOT).trim();
        List<String> args = t.getArgumentsStringList();
        // Character types are strings whatever their length, as in Spark's non-ANSI mode.
        if (name.startsWith("VARCHAR") || name.startsWith("CHAR") || name.equals("TEXT")) {
            return DataTypes.StringType;
        }
        String ddl = args == null || args.isEmpty() ? name : name + "(" + String.join(",", args) + ")";
        try {
            return StructType.fromDDL("x " + ddl).apply(0).dataType();
        } catch (IllegalArgumentException e) {
            throw new AnalysisException("[UNSUPPORTED_DATATYPE] Unsupported data type \"" + ddl + "\" in CAST: "
                    + e.getMessage());
        }
    }
}
