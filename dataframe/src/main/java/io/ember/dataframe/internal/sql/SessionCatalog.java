package io.ember.dataframe.internal.sql;

import io.ember.dataframe.CatalogTable;
import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The temporary views of a session: names bound to the analyzed plans of DataFrames. The engine
 * side of {@link io.ember.dataframe.Catalog}. Names are case-insensitive, as Spark's are by default. Thread-safe.
 *
 * <p>A view stores a plan, not data: querying it runs that plan again (or reads its cache if the
 * DataFrame was cached), so creating a view runs nothing.
 */
public final class SessionCatalog {
    private final Map<String, View> views = new TreeMap<>();

    private record View(String name, LogicalPlan plan) {
    }

    /**
     * Binds {@code name} to {@code plan}.
     *
     * @param replace whether an existing view of that name may be replaced
     * @throws AnalysisException if the view exists and {@code replace} is false, or the name is
     *     empty or has several parts
     */
    public synchronized void createTempView(String name, LogicalPlan plan, boolean replace) {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(plan, "plan is null");
        if (name.isBlank() || name.contains(".")) {
            throw new AnalysisException("[INVALID_VIEW_NAME] A temporary view name must be one non-empty identifier, "
                    + "not `" + name + "`.");
        }
        String key = key(name);
        if (!replace && views.containsKey(key)) {
            throw new AnalysisException("[TEMP_TABLE_OR_VIEW_ALREADY_EXISTS] Cannot create the temporary view `" + name
                    + "` because it already exists. Choose a different name, drop or replace the existing view "
                    + "(createOrReplaceTempView).");
        }
        views.put(key, new View(name, plan));
    }

    /** Drops the view {@code name}; whether there was one. */
    public synchronized boolean dropTempView(String name) {
        return views.remove(key(name)) != null;
    }

    /** Whether the view {@code name} exists. */
    public synchronized boolean exists(String name) {
        return views.containsKey(key(name));
    }

    /** The plan of the view {@code name}, if there is one. */
    public synchronized Optional<LogicalPlan> lookup(String name) {
        View v = views.get(key(name));
        return v == null ? Optional.empty() : Optional.of(v.plan());
    }

    /**
     * The plan of the view {@code name}.
     *
     * @throws AnalysisException naming the closest existing views if there is none
     */
    public synchronized LogicalPlan resolve(String name) {
        View v = views.get(key(name));
        if (v == null) {
            throw notFound(name, names());
        }
        return v.plan();
    }

    /** Spark's error for a missing table or view, with the closest of {@code known}. */
    static AnalysisException notFound(String name, List<String> known) {
        List<String> close = Names.closest(name, known, 3);
        return new AnalysisException("[TABLE_OR_VIEW_NOT_FOUND] The table or view `" + name + "` cannot be found."
                + (close.isEmpty() ? " No temporary views are registered (df.createOrReplaceTempView(name))."
                : " Did you mean one of the following? " + Names.quoted(close) + "."));
    }

    /** The views' names as created, sorted ignoring case. */
    public synchronized List<String> names() {
        List<String> out = new ArrayList<>();
        for (View v : views.values()) {
            out.add(v.name());
        }
        return out;
    }

    /** Every view with its schema, sorted by name. */
    public synchronized List<CatalogTable> tables() {
        List<CatalogTable> out = new ArrayList<>();
        for (View v : views.values()) {
            out.add(new CatalogTable(v.name(), schema(v.plan()), true));
        }
        return out;
    }

    /**
     * The columns of the view {@code name}.
     *
     * @throws AnalysisException naming the closest existing views if there is none
     */
    public StructType schemaOf(String name) {
        return schema(resolve(name));
    }

    /** The schema of a plan's output. */
    static StructType schema(LogicalPlan plan) {
        StructType s = new StructType();
        for (AttributeReference a : plan.output()) {
            s = s.add(a.name(), a.dataType(), a.nullable());
        }
        return s;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
