package io.ember.dataframe.internal.expressions;

/** An expression whose result depends on the session time zone, which the analyzer fills in. */
public interface TimeZoneAware extends Expression {

    /** A copy that uses {@code zoneId}. */
    Expression withZone(String zoneId);

    /** Whether no zone has been set yet. */
    boolean needsZone();
}
