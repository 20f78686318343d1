package io.ember.dataframe.internal.expressions;

/** What a function argument must be; the analyzer inserts implicit casts to satisfy it. */
public enum ArgType {
    STRING, INT, DOUBLE, DATE, TIMESTAMP, NUMERIC, ARRAY, MAP, ARRAY_OR_MAP, ANY
}
