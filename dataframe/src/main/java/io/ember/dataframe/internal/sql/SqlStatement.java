package io.ember.dataframe.internal.sql;

import io.ember.dataframe.internal.plan.LogicalPlan;
import java.util.Optional;

/**
 * One SQL statement as {@link SqlFrontEnd#statement} reads it: a query, or one of the commands
 * Spark SQL runs eagerly at {@code spark.sql(...)} (views, caching, settings, catalog listings,
 * plans). Queries inside commands are already translated to analyzed plans; running a command is
 * the session's business.
 */
public sealed interface SqlStatement {

    /** A query ({@code SELECT}, {@code WITH}, {@code UNION}...). */
    record Query(LogicalPlan plan) implements SqlStatement {
    }

    /** {@code CREATE [OR REPLACE] TEMPORARY VIEW name AS query}. */
    record CreateTempView(String name, boolean replace, LogicalPlan plan) implements SqlStatement {
    }

    /** {@code DROP VIEW [IF EXISTS] name} (also {@code DROP TABLE}, which drops a temporary view in Spark). */
    record DropView(String name, boolean ifExists) implements SqlStatement {
    }

    /**
     * {@code CACHE [LAZY] TABLE name [AS query]}: with a query, {@code name} becomes a temporary
     * view of it first.
     */
    record CacheTable(String name, boolean lazy, Optional<LogicalPlan> query) implements SqlStatement {
    }

    /** {@code UNCACHE TABLE [IF EXISTS] name}. */
    record UncacheTable(String name, boolean ifExists) implements SqlStatement {
    }

    /**
     * {@code SET} (every setting), {@code SET key} (one) or {@code SET key = value}; absent parts
     * are empty.
     */
    record SetConfig(Optional<String> key, Optional<String> value) implements SqlStatement {
    }

    /** {@code SHOW TABLES [LIKE 'pattern']} ({@code *} any characters, {@code |} alternatives). */
    record ShowTables(Optional<String> pattern) implements SqlStatement {
    }

    /** {@code DESCRIBE [TABLE] name}. */
    record Describe(String name) implements SqlStatement {
    }

    /** {@code EXPLAIN [EXTENDED | COST] query}; {@code mode} is {@code simple}, {@code extended} or {@code cost}. */
    record Explain(LogicalPlan plan, String mode) implements SqlStatement {
    }
}
