package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import java.util.ArrayList;
import java.util.List;

/** A column named by the user, not yet looked up: {@code col("a")}, {@code col("t.a")}. */
public record UnresolvedAttribute(String name) implements LeafExpression {

    @Override
    public boolean resolved() {
        return false;
    }

    @Override
    public DataType dataType() {
        throw new IllegalStateException("dataType of the unresolved column " + name);
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        throw new IllegalStateException("cannot evaluate the unresolved column " + name);
    }

    @Override
    public String render(List<String> childTexts) {
        return name;
    }

    /** The parts of {@code a.b}; backticks quote a part ({@code `a.b`} is one part). */
    public List<String> nameParts() {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '`') {
                if (quoted && i + 1 < name.length() && name.charAt(i + 1) == '`') {
                    cur.append('`');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '.' && !quoted) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }

    /** The last of {@link #nameParts()}: the column or field the name ends with. */
    public String lastPart() {
        List<String> parts = nameParts();
        return parts.get(parts.size() - 1);
    }
}
