package io.ember.dataframe.internal.expressions;

/** The comparison operators. */
public enum CmpOp {
    EQ("="), NEQ("!="), LT("<"), LE("<="), GT(">"), GE(">="), EQ_NULL_SAFE("<=>");

    private final String symbol;

    CmpOp(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in SQL. */
    public String symbol() {
        return symbol;
    }

    /** Whether {@code c}, the sign of a comparison, satisfies this operator. */
    public boolean test(int c) {
        return switch (this) {
            case EQ, EQ_NULL_SAFE -> c == 0;
            case NEQ -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
        };
    }

    /** The operator with its operands swapped ({@code a < b} is {@code b > a}). */
    public CmpOp flip() {
        return switch (this) {
            case LT -> GT;
            case LE -> GE;
            case GT -> LT;
            case GE -> LE;
            default -> this;
        };
    }
}
