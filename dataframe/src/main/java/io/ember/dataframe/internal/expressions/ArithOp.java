package io.ember.dataframe.internal.expressions;

/** The binary arithmetic operators. */
public enum ArithOp {
    ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), REMAINDER("%");

    private final String symbol;

    ArithOp(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in SQL. */
    public String symbol() {
        return symbol;
    }
}
