package io.ember.dataframe.internal.plan;

import io.ember.dataframe.AnalysisException;
import java.util.Locale;

/** The kinds of join. */
public enum JoinType {
    INNER("Inner"), LEFT_OUTER("LeftOuter"), RIGHT_OUTER("RightOuter"), FULL_OUTER("FullOuter"),
    LEFT_SEMI("LeftSemi"), LEFT_ANTI("LeftAnti"), CROSS("Cross");

    private final String display;

    JoinType(String display) {
        this.display = display;
    }

    /** The name shown in plans. */
    public String display() {
        return display;
    }

    /** Whether the output has only the left side's columns. */
    public boolean leftOnly() {
        return this == LEFT_SEMI || this == LEFT_ANTI;
    }

    /**
     * The join type named as in Spark: inner, cross, outer/full/fullouter/full_outer,
     * left/leftouter/left_outer, right/rightouter/right_outer, semi/leftsemi/left_semi,
     * anti/leftanti/left_anti.
     */
    public static JoinType parse(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT).replace("_", "");
        return switch (n) {
            case "inner" -> INNER;
            case "cross" -> CROSS;
            case "outer", "full", "fullouter" -> FULL_OUTER;
            case "left", "leftouter" -> LEFT_OUTER;
            case "right", "rightouter" -> RIGHT_OUTER;
            case "semi", "leftsemi" -> LEFT_SEMI;
            case "anti", "leftanti" -> LEFT_ANTI;
            default -> throw new AnalysisException("Unsupported join type '" + name + "'. Supported join types include: "
                    + "'inner', 'outer', 'full', 'fullouter', 'full_outer', 'leftouter', 'left', 'left_outer', "
                    + "'rightouter', 'right', 'right_outer', 'leftsemi', 'left_semi', 'semi', 'leftanti', 'left_anti', "
                    + "'anti', 'cross'.");
        };
    }
}
