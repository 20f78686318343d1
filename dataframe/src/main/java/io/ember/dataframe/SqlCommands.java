package io.ember.dataframe;

import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.sql.SqlStatement;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.StructField;
import io.ember.dataframe.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs the SQL commands of a session ({@link SqlStatement}s other than queries) eagerly, at
 * {@code spark.sql(...)}, as Spark does, and returns their results as DataFrames shaped like
 * Spark's: no columns for {@code CREATE VIEW}, {@code DROP VIEW}, {@code CACHE} and
 * {@code UNCACHE}; {@code (key, value)} for {@code SET}; {@code (namespace, tableName,
 * isTemporary)} for {@code SHOW TABLES}; {@code (col_name, data_type, comment)} for
 * {@code DESCRIBE}; {@code (plan)} for {@code EXPLAIN}.
 *
 * <p>{@code SET spark.sql.x = v} sets Ember's {@code ember.sql.x} through the session's
 * {@link RuntimeConfig}, which maps Spark's keys (see {@link io.ember.rdd.SparkConfKeys}), so that
 * the settings Spark users write apply.
 */
final class SqlCommands {
    private SqlCommands() {
    }

    /** The result of {@code statement} in {@code session}, running it if it is a command. */
    static DataFrame run(EmberSession session, SqlStatement statement, String sqlText) {
        if (statement instanceof SqlStatement.Query q) {
            SqlExecutions.rememberSqlText(q.plan(), sqlText);
            return new DataFrame(session, q.plan());
        }
        if (statement instanceof SqlStatement.CreateTempView v) {
            session.sessionCatalog().createTempView(v.name(), v.plan(), v.replace());
            return noRows(session);
        }
        if (statement instanceof SqlStatement.DropView d) {
            if (!session.sessionCatalog().dropTempView(d.name()) && !d.ifExists()) {
                throw new AnalysisException("[TABLE_OR_VIEW_NOT_FOUND] The view `" + d.name() + "` cannot be found. "
                        + "Use DROP VIEW IF EXISTS to ignore a missing view.");
            }
            return noRows(session);
        }
        if (statement instanceof SqlStatement.CacheTable c) {
            c.query().ifPresent(plan -> session.sessionCatalog().createTempView(c.name(), plan, false));
            DataFrame view = session.table(c.name()).cache();
            if (!c.lazy()) {
                // CACHE TABLE is eager in Spark: computing the view once stores its partitions.
                view.count();
            }
            return noRows(session);
        }
        if (statement instanceof SqlStatement.UncacheTable u) {
            if (session.sessionCatalog().exists(u.name())) {
                session.table(u.name()).unpersist();
            } else if (!u.ifExists()) {
                throw new AnalysisException("[TABLE_OR_VIEW_NOT_FOUND] The table or view `" + u.name() + "` cannot "
                        + "be found. Use UNCACHE TABLE IF EXISTS to ignore a missing one.");
            }
            return noRows(session);
        }
        if (statement instanceof SqlStatement.SetConfig s) {
            return set(session, s);
        }
        if (statement instanceof SqlStatement.ShowTables s) {
            return showTables(session, s);
        }
        if (statement instanceof SqlStatement.Describe d) {
            return describe(session, d.name());
        }
        SqlStatement.Explain e = (SqlStatement.Explain) statement;
        String text = new DataFrame(session, e.plan()).explainString(e.mode());
        return session.createDataFrame(List.of(Row.of(text)), new StructType().add("plan", DataTypes.StringType));
    }

    private static DataFrame noRows(EmberSession session) {
        return session.createDataFrame(List.of(), new StructType());
    }

    private static DataFrame set(EmberSession session, SqlStatement.SetConfig s) {
        StructType schema = new StructType().add("key", DataTypes.StringType).add("value", DataTypes.StringType);
        List<Row> rows = new ArrayList<>();
        if (s.key().isEmpty()) {
            for (Map.Entry<String, String> e : session.conf().getAll().entrySet()) {
                rows.add(Row.of(e.getKey(), e.getValue()));
            }
            return session.createDataFrame(rows, schema);
        }
        String key = s.key().get();
        if (s.value().isPresent()) {
            try {
                session.conf().set(key, s.value().get());
            } catch (IllegalArgumentException bad) {
                throw new AnalysisException("[INVALID_CONF_VALUE] " + bad.getMessage() + ".", bad);
            }
        }
        rows.add(Row.of(s.key().get(), session.conf().get(key, s.value().orElse("<undefined>"))));
        return session.createDataFrame(rows, schema);
    }

    private static DataFrame showTables(EmberSession session, SqlStatement.ShowTables s) {
        Pattern like = s.pattern().map(SqlCommands::likePattern).orElse(null);
        List<Row> rows = new ArrayList<>();
        for (CatalogTable t : session.sessionCatalog().tables()) {
            if (like == null || like.matcher(t.name()).matches()) {
                rows.add(Row.of("", t.name(), t.isTemporary()));
            }
        }
        return session.createDataFrame(rows, new StructType().add("namespace", DataTypes.StringType, false)
                .add("tableName", DataTypes.StringType, false).add("isTemporary", DataTypes.BooleanType, false));
    }

    /** Spark's SHOW TABLES pattern: {@code *} any characters, {@code |} alternatives, case-insensitive. */
    private static Pattern likePattern(String pattern) {
        List<String> alternatives = new ArrayList<>();
        for (String alternative : pattern.split("\\|", -1)) {
            List<String> parts = new ArrayList<>();
            for (String part : alternative.trim().split("\\*", -1)) {
                parts.add(Pattern.quote(part));
            }
            alternatives.add(String.join(".*", parts));
        }
        return Pattern.compile(String.join("|", alternatives), Pattern.CASE_INSENSITIVE);
    }

    private static DataFrame describe(EmberSession session, String name) {
        LogicalPlan plan = session.sessionCatalog().resolve(name);
        List<Row> rows = new ArrayList<>();
        for (StructField f : new DataFrame(session, plan).schema().fields()) {
            rows.add(Row.of(f.name(), f.dataType().simpleString().toLowerCase(Locale.ROOT), null));
        }
        return session.createDataFrame(rows, new StructType().add("col_name", DataTypes.StringType, false)
                .add("data_type", DataTypes.StringType, false).add("comment", DataTypes.StringType));
    }
}
