package io.ember.dataframe.internal.plan;

import java.util.List;
import java.util.function.Function;

/** Prints trees the way Spark's {@code treeString} does ({@code +-} and {@code :-} branches). */
public final class TreeStrings {
    private TreeStrings() {
    }

    /** The tree under {@code root}: one node per line. */
    public static <T> String render(T root, Function<T, String> label, Function<T, List<T>> children) {
        StringBuilder sb = new StringBuilder();
        append(sb, root, "", "", label, children);
        return sb.toString();
    }

    private static <T> void append(StringBuilder sb, T node, String firstPrefix, String restPrefix,
                                   Function<T, String> label, Function<T, List<T>> children) {
        sb.append(firstPrefix).append(label.apply(node)).append('\n');
        List<T> cs = children.apply(node);
        for (int i = 0; i < cs.size(); i++) {
            boolean last = i == cs.size() - 1;
            append(sb, cs.get(i), restPrefix + (last ? "+- " : ":- "), restPrefix + (last ? "   " : ":  "),
                    label, children);
        }
    }
}
