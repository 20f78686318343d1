package io.ember.dataframe;

import io.ember.dataframe.internal.analysis.Analyzer;
import io.ember.dataframe.internal.analysis.Generators;
import io.ember.dataframe.internal.analysis.GroupingSets;
import io.ember.dataframe.internal.analysis.Joins;
import io.ember.dataframe.internal.analysis.SetOperations;
import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.expressions.AggFn;
import io.ember.dataframe.internal.expressions.AggregateExpression;
import io.ember.dataframe.internal.expressions.Alias;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Comparison;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.Literal;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.expressions.SortOrder;
import io.ember.dataframe.internal.plan.Aggregate;
import io.ember.dataframe.internal.plan.Filter;
import io.ember.dataframe.internal.plan.Join;
import io.ember.dataframe.internal.plan.JoinType;
import io.ember.dataframe.internal.plan.Limit;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.Project;
import io.ember.dataframe.internal.plan.Repartition;
import io.ember.dataframe.internal.plan.Sort;
import io.ember.dataframe.internal.plan.SubqueryAlias;
import io.ember.dataframe.internal.plan.Union;
import io.ember.dataframe.types.StructType;
import io.ember.dataframe.internal.window.Windows;
import io.ember.rdd.RDD;
import io.ember.rdd.StorageLevel;
import io.ember.rdd.VoidFunction;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A distributed table with a schema: a logical plan plus the session that runs it. As in Spark,
 * transformations ({@code select}, {@code filter}, {@code groupBy}, {@code join}, ...) are lazy:
 * they return a new DataFrame and run nothing. They are analyzed eagerly, though: an unknown
 * column, an ambiguous reference or a type mismatch throws {@link AnalysisException} at the call
 * that made it. Actions ({@code show}, {@code collect}, {@code count}, {@code write}, ...) optimize
 * the plan, turn it into column-batch operators and run them as jobs.
 *
 * <p>Immutable and thread-safe; any number of threads may run actions on one DataFrame.
 */
public final class DataFrame {
    private final EmberSession session;
    private final LogicalPlan plan;

    DataFrame(EmberSession session, LogicalPlan plan) {
        this.session = session;
        this.plan = plan;
    }

    LogicalPlan plan() {
        return plan;
    }

    private DataFrame with(LogicalPlan p) {
        return new DataFrame(session, p);
    }

    private Analyzer analyzer() {
        return session.analyzer();
    }

    private static List<Expression> exprs(Column... cols) {
        List<Expression> out = new ArrayList<>();
        for (Column c : cols) {
            out.add(Objects.requireNonNull(c, "column is null").expr());
        }
        return out;
    }

    /** The session this DataFrame belongs to. */
    public EmberSession sparkSession() {
        return session;
    }

    // ---- schema ---------------------------------------------------------------------------------

    /** The schema. */
    public StructType schema() {
        return EmberSession.schemaOf(plan.output());
    }

    /** The column names, in order. */
    public String[] columns() {
        return schema().fieldNames();
    }

    /** (name, type) of every column, types as simple strings ({@code int}, {@code string}). */
    @SuppressWarnings("unchecked")
    public Tuple2<String, String>[] dtypes() {
        List<Tuple2<String, String>> out = new ArrayList<>();
        for (AttributeReference a : plan.output()) {
            out.add(Tuple.of(a.name(), a.dataType().toString()));
        }
        return out.toArray(new Tuple2[0]);
    }

    /** Prints the schema in Spark's tree format. */
    public void printSchema() {
        System.out.print(schema().treeString());
    }

    /** The column {@code name} of this DataFrame, bound to it (unambiguous after a join). */
    public Column col(String name) {
        if (name.equals("*")) {
            return Functions.col("*");
        }
        return new Column(analyzer().lookup(name, plan.output()));
    }

    /** The same as {@link #col(String)}. */
    public Column apply(String name) {
        return col(name);
    }

    // ---- transformations ------------------------------------------------------------------------

    /** The given columns (or expressions), computed for every row. Aggregates make one global group. */
    public DataFrame select(Column... cols) {
        List<NamedExpression> list = analyzer().resolveProjection(exprs(cols), plan.output());
        boolean aggregate = false;
        for (NamedExpression e : list) {
            aggregate |= Windows.hasAggregate(e);
        }
        if (aggregate) {
            return with(Windows.aggregate(List.of(), list, plan));
        }
        return with(Generators.project(list, plan));
    }

    /** The columns named. */
    public DataFrame select(String col, String... cols) {
        List<Column> all = new ArrayList<>();
        all.add(Functions.col(col));
        for (String c : cols) {
            all.add(Functions.col(c));
        }
        return select(all.toArray(new Column[0]));
    }

    /** Every column plus {@code colName} = {@code col} (replacing a column of that name). */
    public DataFrame withColumn(String colName, Column col) {
        return withColumns(Map.of(colName, col));
    }

    /**
     * Every column plus one per entry of {@code colsMap} (name to column, in the map's order),
     * each replacing a column of that name; all are computed from this DataFrame's columns.
     *
     * @throws AnalysisException if two entries have the same name
     */
    public DataFrame withColumns(Map<String, Column> colsMap) {
        List<String> names = new ArrayList<>(colsMap.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (sameName(names.get(i), names.get(j))) {
                    throw new AnalysisException("[COLUMN_ALREADY_EXISTS] The column `" + names.get(i) + "` is given "
                            + "twice to withColumns.");
                }
            }
        }
        List<NamedExpression> list = new ArrayList<>(plan.output());
        for (Map.Entry<String, Column> e : colsMap.entrySet()) {
            Column col = e.getValue();
            NamedExpression added = Analyzer.named(analyzer().resolve(col.expr(), plan.output()), col.expr());
            Expression child = added instanceof Alias a ? a.child() : added;
            NamedExpression named = Alias.of(child, e.getKey());
            boolean replaced = false;
            for (int i = 0; i < list.size(); i++) {
                if (sameName(list.get(i).name(), e.getKey())) {
                    list.set(i, replaced ? null : named);
                    replaced = true;
                }
            }
            list.removeIf(Objects::isNull);
            if (!replaced) {
                list.add(named);
            }
        }
        return with(Windows.project(list, plan));
    }

    private boolean sameName(String a, String b) {
        return session.conf().caseSensitive() ? a.equals(b) : a.equalsIgnoreCase(b);
    }

    /** The same rows with column {@code existing} renamed (no-op if there is no such column). */
    public DataFrame withColumnRenamed(String existing, String newName) {
        List<NamedExpression> list = new ArrayList<>();
        boolean found = false;
        for (AttributeReference a : plan.output()) {
            if (sameName(a.name(), existing)) {
                list.add(new Alias(a, newName, io.ember.dataframe.internal.expressions.ExprIds.next()));
                found = true;
            } else {
                list.add(a);
            }
        }
        return found ? with(new Project(list, plan)) : this;
    }

    /** The same rows with every column renamed, in order. */
    public DataFrame toDF(String... names) {
        List<AttributeReference> out = plan.output();
        if (names.length != out.size()) {
            throw new AnalysisException("The number of columns doesn't match. Old column names (" + out.size() + "): "
                    + String.join(", ", columns()) + ". New column names (" + names.length + "): "
                    + String.join(", ", names));
        }
        List<NamedExpression> list = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            list.add(Alias.of(out.get(i), names[i]));
        }
        return with(new Project(list, plan));
    }

    /** Without the columns named (names that do not exist are ignored). */
    public DataFrame drop(String... colNames) {
        List<NamedExpression> list = new ArrayList<>();
        for (AttributeReference a : plan.output()) {
            boolean dropped = false;
            for (String n : colNames) {
                dropped |= sameName(a.name(), n);
            }
            if (!dropped) {
                list.add(a);
            }
        }
        return list.size() == plan.output().size() ? this : with(new Project(list, plan));
    }

    /** Without the column {@code col} (a column of this DataFrame). */
    public DataFrame drop(Column col) {
        Expression e = analyzer().resolve(col.expr(), plan.output());
        List<NamedExpression> list = new ArrayList<>();
        for (AttributeReference a : plan.output()) {
            if (!(e instanceof AttributeReference r && r.exprId() == a.exprId())) {
                list.add(a);
            }
        }
        return with(new Project(list, plan));
    }

    /** The rows for which {@code condition} is true (not false, not null). */
    public DataFrame filter(Column condition) {
        return with(new Filter(analyzer().resolveCondition(condition.expr(), plan.output(), "Filter"), plan));
    }

    /** The same as {@link #filter(Column)}. */
    public DataFrame where(Column condition) {
        return filter(condition);
    }

    /**
     * The rows for which the SQL condition {@code conditionExpr} is true:
     * {@code filter("d >= DATE '2024-01-01' AND name LIKE 'A%'")}, read as {@code spark.sql} reads
     * a {@code WHERE} clause.
     *
     * @throws io.ember.dataframe.internal.sql.ParseException if the text does not parse, naming the line and column
     */
    public DataFrame filter(String conditionExpr) {
        return filter(sqlColumn(conditionExpr));
    }

    /** The same as {@link #filter(String)}. */
    public DataFrame where(String conditionExpr) {
        return filter(conditionExpr);
    }

    /**
     * The columns of SQL expressions, each optionally aliased:
     * {@code selectExpr("id", "salary * 2 AS double_salary", "d + INTERVAL 1 MONTH")}.
     *
     * @throws io.ember.dataframe.internal.sql.ParseException if a text does not parse, naming the line and column
     */
    public DataFrame selectExpr(String... exprs) {
        Column[] cols = new Column[exprs.length];
        for (int i = 0; i < exprs.length; i++) {
            cols[i] = sqlColumn(exprs[i]);
        }
        return select(cols);
    }

    /** The column of a SQL expression text, its functions looked up in this DataFrame's session. */
    private Column sqlColumn(String sqlExpression) {
        Objects.requireNonNull(sqlExpression, "expression is null");
        return new Column(SqlSupport.expression(session, sqlExpression));
    }

    /** Groups rows by {@code cols} for {@link GroupedData#agg}. */
    public GroupedData groupBy(Column... cols) {
        List<Expression> grouping = new ArrayList<>();
        List<NamedExpression> named = new ArrayList<>();
        for (Column c : cols) {
            Expression r = analyzer().resolve(c.expr(), plan.output());
            if (r.exists(x -> x instanceof AggregateExpression)) {
                throw new AnalysisException("[GROUP_BY_AGGREGATE] Aggregate functions are not allowed in GROUP BY, "
                        + "but found " + c + ".");
            }
            NamedExpression n = Analyzer.named(r, c.expr());
            named.add(n);
            grouping.add(n instanceof Alias a ? a.child() : n);
        }
        return new GroupedData(this, grouping, named);
    }

    /** Groups rows by the columns named. */
    public GroupedData groupBy(String col, String... cols) {
        return groupBy(columns(col, cols));
    }

    /**
     * Groups by the grouping sets of {@code ROLLUP(cols)}: {@code (c1..cn)}, {@code (c1..cn-1)},
     * ..., {@code ()}. A rolled-up column is NULL in its rows; {@link Functions#grouping(Column)}
     * tells such a NULL from a NULL of the data.
     *
     * @throws AnalysisException if a column is unknown or an aggregate
     */
    public GroupedData rollup(Column... cols) {
        return groupBy(cols).withGroupingSets(c -> GroupingSets.rollup(GroupingSets.singletons(c)));
    }

    /** {@link #rollup(Column...)} by column names. */
    public GroupedData rollup(String col, String... cols) {
        return rollup(columns(col, cols));
    }

    /**
     * Groups by the grouping sets of {@code CUBE(cols)}: every subset of the columns.
     *
     * @throws AnalysisException if a column is unknown or an aggregate
     */
    public GroupedData cube(Column... cols) {
        return groupBy(cols).withGroupingSets(c -> GroupingSets.cube(GroupingSets.singletons(c)));
    }

    /** {@link #cube(Column...)} by column names. */
    public GroupedData cube(String col, String... cols) {
        return cube(columns(col, cols));
    }

    private static Column[] columns(String col, String... cols) {
        List<Column> all = new ArrayList<>();
        all.add(Functions.col(col));
        for (String c : cols) {
            all.add(Functions.col(c));
        }
        return all.toArray(new Column[0]);
    }

    /**
     * Aggregates over all rows given as column name to function name:
     * {@code df.agg(Map.of("salary", "max", "*", "count"))}; see {@link GroupedData#agg(Map)}.
     */
    public DataFrame agg(Map<String, String> exprs) {
        return groupBy().agg(exprs);
    }

    /** Aggregates over all rows: {@code df.agg(max("x"), avg("y"))}. */
    public DataFrame agg(Column expr, Column... exprs) {
        return groupBy().agg(expr, exprs);
    }

    /** Rows sorted by {@code cols} ({@code col("x").desc()} etc.; plain columns ascending, nulls first). */
    public DataFrame orderBy(Column... cols) {
        List<SortOrder> order = new ArrayList<>();
        for (Column c : cols) {
            Expression e = c.expr();
            SortOrder so = e instanceof SortOrder s ? s : SortOrder.asc(e);
            Expression child = analyzer().resolve(so.child(), plan.output());
            order.add(new SortOrder(child, so.ascending(), so.nullsFirst()));
        }
        return with(new Sort(order, true, plan));
    }

    /** Rows sorted by the columns named, ascending. */
    public DataFrame orderBy(String col, String... cols) {
        List<Column> all = new ArrayList<>();
        all.add(Functions.col(col));
        for (String c : cols) {
            all.add(Functions.col(c));
        }
        return orderBy(all.toArray(new Column[0]));
    }

    /** The same as {@link #orderBy(Column...)}. */
    public DataFrame sort(Column... cols) {
        return orderBy(cols);
    }

    /** The same as {@link #orderBy(String, String...)}. */
    public DataFrame sort(String col, String... cols) {
        return orderBy(col, cols);
    }

    /** Each partition sorted, without a global order. */
    public DataFrame sortWithinPartitions(Column... cols) {
        Sort s = (Sort) orderBy(cols).plan;
        return with(new Sort(s.order(), false, plan));
    }

    /** The first {@code n} rows. */
    public DataFrame limit(int n) {
        if (n < 0) {
            throw new AnalysisException("The limit expression must be equal to or greater than 0, but got " + n);
        }
        return with(new Limit(n, plan));
    }

    /** The distinct rows. */
    public DataFrame distinct() {
        List<Expression> keys = new ArrayList<>(plan.output());
        return with(new Aggregate(keys, new ArrayList<>(plan.output()), plan));
    }

    /** The same as {@link #distinct()}. */
    public DataFrame dropDuplicates() {
        return distinct();
    }

    /** One row per distinct combination of the columns named (the first one seen). */
    public DataFrame dropDuplicates(String... colNames) {
        if (colNames.length == 0) {
            return distinct();
        }
        Set<Long> keyIds = new LinkedHashSet<>();
        List<Expression> keys = new ArrayList<>();
        for (String n : colNames) {
            AttributeReference a = analyzer().lookup(n, plan.output());
            if (keyIds.add(a.exprId())) {
                keys.add(a);
            }
        }
        List<NamedExpression> out = new ArrayList<>();
        for (AttributeReference a : plan.output()) {
            out.add(keyIds.contains(a.exprId()) ? a
                    : new Alias(new AggregateExpression(AggFn.FIRST, a, false, false), a.name(),
                    io.ember.dataframe.internal.expressions.ExprIds.next()));
        }
        return with(new Aggregate(keys, out, plan));
    }

    /**
     * The rows of this DataFrame followed by those of {@code other}, matched by position (Spark's
     * {@code UNION ALL}); types are widened to a common type.
     *
     * @throws AnalysisException if the column counts differ or a column pair has no common type
     */
    public DataFrame union(DataFrame other) {
        return with(SetOperations.union(plan, other.plan));
    }

    /** The same as {@link #union(DataFrame)}. */
    public DataFrame unionAll(DataFrame other) {
        return union(other);
    }

    /**
     * The distinct rows of this DataFrame that are also in {@code other} (SQL's
     * {@code INTERSECT}), matched by position with NULL equal to NULL, types widened.
     *
     * @throws AnalysisException if the column counts differ or a column pair has no common type
     */
    public DataFrame intersect(DataFrame other) {
        return with(SetOperations.intersect(plan, other.plan, false));
    }

    /**
     * The rows of this DataFrame that are also in {@code other}, duplicates kept (SQL's
     * {@code INTERSECT ALL}): a row m times here and n times there is kept min(m, n) times.
     *
     * @throws AnalysisException if the column counts differ or a column pair has no common type
     */
    public DataFrame intersectAll(DataFrame other) {
        return with(SetOperations.intersect(plan, other.plan, true));
    }

    /**
     * The distinct rows of this DataFrame that are not in {@code other} (SQL's {@code EXCEPT}),
     * matched by position with NULL equal to NULL, types widened.
     *
     * @throws AnalysisException if the column counts differ or a column pair has no common type
     */
    public DataFrame except(DataFrame other) {
        return with(SetOperations.except(plan, other.plan, false));
    }

    /**
     * The rows of this DataFrame that are not in {@code other}, duplicates kept (SQL's
     * {@code EXCEPT ALL}): a row m times here and n times there is kept max(m - n, 0) times.
     *
     * @throws AnalysisException if the column counts differ or a column pair has no common type
     */
    public DataFrame exceptAll(DataFrame other) {
        return with(SetOperations.except(plan, other.plan, true));
    }

    /** Union matching columns by name. */
    public DataFrame unionByName(DataFrame other) {
        return unionByName(other, false);
    }

    /**
     * Union matching columns by name; with {@code allowMissingColumns}, columns missing on one side
     * are null there.
     *
     * @throws AnalysisException naming a column missing from {@code other}
     */
    public DataFrame unionByName(DataFrame other, boolean allowMissingColumns) {
        DataFrame left = this;
        if (allowMissingColumns) {
            for (AttributeReference b : other.plan.output()) {
                if (find(plan.output(), b.name()) == null) {
                    left = left.withColumn(b.name(), Functions.lit(null).cast(b.dataType()));
                }
            }
        }
        List<NamedExpression> list = new ArrayList<>();
        for (AttributeReference a : left.plan.output()) {
            AttributeReference b = find(other.plan.output(), a.name());
            if (b == null) {
                if (!allowMissingColumns) {
                    throw new AnalysisException("[NUM_COLUMNS_MISMATCH] Cannot resolve column name \"" + a.name()
                            + "\" among (" + String.join(", ", other.columns()) + ").");
                }
                list.add(Alias.of(new Literal(null, a.dataType()), a.name()));
            } else {
                list.add(b);
            }
        }
        if (!allowMissingColumns && other.plan.output().size() != left.plan.output().size()) {
            throw new AnalysisException("[NUM_COLUMNS_MISMATCH] UNION can only be performed on inputs with the same "
                    + "number of columns, but the first input has " + left.plan.output().size()
                    + " columns and the second input has " + other.plan.output().size() + " columns.");
        }
        return left.union(other.with(new Project(list, other.plan)));
    }

    private AttributeReference find(List<AttributeReference> attrs, String name) {
        for (AttributeReference a : attrs) {
            if (sameName(a.name(), name)) {
                return a;
            }
        }
        return null;
    }

    // ---- joins ----------------------------------------------------------------------------------

    /** Inner join without a condition (every pair of rows). */
    public DataFrame join(DataFrame right) {
        return makeJoin(right, null, JoinType.INNER);
    }

    /** Inner equi-join on a column both sides have; the output has it once. */
    public DataFrame join(DataFrame right, String usingColumn) {
        return join(right, List.of(usingColumn), "inner");
    }

    /** Inner equi-join on columns both sides have. */
    public DataFrame join(DataFrame right, String[] usingColumns) {
        return join(right, Arrays.asList(usingColumns), "inner");
    }

    /**
     * Equi-join on columns both sides have, of the given type (inner, left, right, full, left_semi,
     * left_anti, cross, ...); the output has them once (coalesced for a full outer join).
     */
    public DataFrame join(DataFrame right, List<String> usingColumns, String joinType) {
        return with(Joins.using(analyzer(), plan, dedupRight(right.plan), usingColumns, JoinType.parse(joinType)));
    }

    /** Inner join on {@code condition}. */
    public DataFrame join(DataFrame right, Column condition) {
        return join(right, condition, "inner");
    }

    /** Join of the given type on {@code condition}. */
    public DataFrame join(DataFrame right, Column condition, String joinType) {
        return makeJoin(right, condition, JoinType.parse(joinType));
    }

    /** Every pair of rows. */
    public DataFrame crossJoin(DataFrame right) {
        return makeJoin(right, null, JoinType.CROSS);
    }

    private DataFrame makeJoin(DataFrame right, Column condition, JoinType type) {
        LogicalPlan r = dedupRight(right.plan);
        Expression cond = null;
        if (condition != null) {
            List<AttributeReference> both = new ArrayList<>(plan.output());
            both.addAll(r.output());
            cond = analyzer().resolveCondition(condition.expr(), both, "Join");
            if (r != right.plan) {
                cond = selfJoinCondition(cond, right.plan.output(), r.output());
            }
        }
        return with(Joins.hinted(plan, r, type, cond));
    }

    /**
     * In a self-join, {@code df.col("k").equalTo(df.col("k"))} names the same attribute twice; as in
     * Spark, the second one means the right side's column.
     */
    private static Expression selfJoinCondition(Expression cond, List<AttributeReference> original,
                                                List<AttributeReference> renamed) {
        return cond.transformUp(e -> {
            if (e instanceof Comparison c && c.left() instanceof AttributeReference a
                    && c.right() instanceof AttributeReference b && a.exprId() == b.exprId()) {
                for (int i = 0; i < original.size(); i++) {
                    if (original.get(i).exprId() == b.exprId()) {
                        return new Comparison(c.op(), a, renamed.get(i));
                    }
                }
            }
            return e;
        });
    }

    /** A self-join sees the same attribute ids on both sides: give the right side new ones. */
    private LogicalPlan dedupRight(LogicalPlan right) {
        return SetOperations.withDistinctIds(plan, right);
    }

    DataFrame withBroadcastHint() {
        return with(new io.ember.dataframe.internal.plan.BroadcastHint(plan));
    }

    /** This DataFrame under {@code alias}, so that columns can be named {@code alias.column}. */
    public DataFrame as(String alias) {
        return with(new SubqueryAlias(alias, plan));
    }

    /** The same as {@link #as(String)}. */
    public DataFrame alias(String alias) {
        return as(alias);
    }

    /**
     * Registers this DataFrame as the temporary view {@code viewName}, replacing any view of that
     * name, so that {@code spark.sql("SELECT ... FROM viewName")} can query it. Runs nothing: the
     * view stores this DataFrame's plan, which queries run again (or read from the cache).
     */
    public void createOrReplaceTempView(String viewName) {
        session.sessionCatalog().createTempView(viewName, plan, true);
    }

    /**
     * Registers this DataFrame as the temporary view {@code viewName}.
     *
     * @throws AnalysisException if a view of that name exists
     */
    public void createTempView(String viewName) {
        session.sessionCatalog().createTempView(viewName, plan, false);
    }

    // ---- partitions and caching -----------------------------------------------------------------

    /** The rows dealt round robin into {@code numPartitions} partitions (a shuffle). */
    public DataFrame repartition(int numPartitions) {
        checkPartitions(numPartitions);
        return with(new Repartition(numPartitions, true, List.of(), plan));
    }

    /** The rows hash-partitioned by {@code cols} into {@code numPartitions} partitions. */
    public DataFrame repartition(int numPartitions, Column... cols) {
        checkPartitions(numPartitions);
        List<Expression> es = new ArrayList<>();
        for (Column c : cols) {
            es.add(analyzer().resolve(c.expr(), plan.output()));
        }
        return with(new Repartition(numPartitions, true, es, plan));
    }

    /** The rows hash-partitioned by {@code cols} into {@code ember.sql.shuffle.partitions} partitions. */
    public DataFrame repartition(Column... cols) {
        return repartition(session.execContext().shufflePartitions(), cols);
    }

    /** At most {@code numPartitions} partitions, merged without a shuffle. */
    public DataFrame coalesce(int numPartitions) {
        checkPartitions(numPartitions);
        return with(new Repartition(numPartitions, false, List.of(), plan));
    }

    private static void checkPartitions(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Number of partitions (" + n + ") must be positive.");
        }
    }

    /** The number of partitions the result will have. */
    public int getNumPartitions() {
        return new QueryExecution(session, plan).toRdd().getNumPartitions();
    }

    /**
     * {@link #persist(StorageLevel)} at {@link StorageLevel#MEMORY_AND_DISK}, Spark's default for
     * DataFrames. Returns {@code this}.
     */
    public DataFrame cache() {
        return persist(StorageLevel.MEMORY_AND_DISK);
    }

    /** The same as {@link #cache()}. */
    public DataFrame persist() {
        return cache();
    }

    /**
     * Keeps the rows on the executors at {@code level} once computed: lazy, as in Spark, so the
     * first action that reads them stores each partition's batches (an RDD persisted at
     * {@code level}); later queries over this DataFrame, or DataFrames built on it, read those
     * blocks instead of recomputing, and a lost or evicted block is recomputed from the lineage.
     * A DataFrame persisted already keeps its first level. Returns {@code this}.
     *
     * @throws IllegalArgumentException if {@code level} is {@link StorageLevel#NONE}
     */
    public DataFrame persist(StorageLevel level) {
        Objects.requireNonNull(level, "level is null");
        if (!level.isValid()) {
            throw new IllegalArgumentException("persist needs a storage level that stores something, got " + level);
        }
        session.cacheManager().cache(plan, level);
        return this;
    }

    /** Stops persisting and drops the stored rows without waiting (no-op if not persisted). */
    public DataFrame unpersist() {
        return unpersist(false);
    }

    /** Stops persisting and drops the stored rows; with {@code blocking}, returns once they are gone. */
    public DataFrame unpersist(boolean blocking) {
        session.cacheManager().uncache(plan, blocking);
        return this;
    }

    /** The level this DataFrame is persisted at, {@link StorageLevel#NONE} if it is not. */
    public StorageLevel storageLevel() {
        return session.cacheManager().storageLevel(plan);
    }

    /** Whether this DataFrame is cached. */
    public boolean isCached() {
        return session.cacheManager().isCached(plan);
    }

    // ---- other helpers ----------------------------------------------------------------------------

    /** Functions for missing values: {@code df.na().fill(0)}, {@code df.na().drop()}. */
    public DataFrameNaFunctions na() {
        return new DataFrameNaFunctions(this);
    }

    /**
     * Statistics of the columns named (all numeric and string columns if none): rows
     * {@code count}, {@code mean}, {@code stddev}, {@code min}, {@code max}, values as strings.
     */
    public DataFrame describe(String... cols) {
        return DataFrameSummary.of(this, List.of(cols), List.of("count", "mean", "stddev", "min", "max"));
    }

    /** Functions for statistics: {@code df.stat().corr("a", "b")}, {@code crosstab}, {@code approxQuantile}. */
    public DataFrameStatFunctions stat() {
        return new DataFrameStatFunctions(this);
    }

    /**
     * Statistics of every numeric and string column, as Spark's {@code summary}: one row per
     * statistic (default {@code count}, {@code mean}, {@code stddev}, {@code min}, {@code 25%},
     * {@code 50%}, {@code 75%}, {@code max}; also {@code count_distinct},
     * {@code approx_count_distinct} (computed exactly) and any percentile such as {@code 90%}),
     * a string column {@code summary} naming it, and a string column per input column.
     * Percentiles are approximate within 1e-4 of the rank, and null for string columns.
     *
     * @throws IllegalArgumentException naming a statistic that is not one of these
     */
    public DataFrame summary(String... statistics) {
        return DataFrameSummary.of(this, List.of(), statistics.length == 0 ? DataFrameSummary.DEFAULT_STATISTICS
                : List.of(statistics));
    }

    /**
     * This DataFrame split at random into parts whose sizes follow {@code weights} (normalised to
     * sum to 1), as Spark's {@code randomSplit}: every row lands in exactly one part, the same one
     * every run for the same {@code seed}. Each partition is sorted first so that every part sees
     * its rows in the same order.
     *
     * @throws IllegalArgumentException if a weight is negative or they do not sum to a positive number
     */
    public DataFrame[] randomSplit(double[] weights, long seed) {
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0)) {
                throw new IllegalArgumentException("Weights must be nonnegative, but got " + Arrays.toString(weights));
            }
            sum += w;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("Sum of weights must be positive, but got " + Arrays.toString(weights));
        }
        List<Column> order = new ArrayList<>();
        for (AttributeReference a : plan.output()) {
            if (!(a.dataType() instanceof io.ember.dataframe.types.ArrayType)) {
                order.add(new Column(a));
            }
        }
        DataFrame sorted = order.isEmpty() ? this : sortWithinPartitions(order.toArray(new Column[0]));
        String draw = "__random_split_" + io.ember.dataframe.internal.expressions.ExprIds.next();
        DataFrame drawn = sorted.withColumn(draw, Functions.rand(seed));
        DataFrame[] parts = new DataFrame[weights.length];
        double lower = 0;
        for (int i = 0; i < weights.length; i++) {
            double upper = i == weights.length - 1 ? 1.0 : lower + weights[i] / sum;
            parts[i] = drawn.filter(drawn.col(draw).geq(lower).and(drawn.col(draw).lt(upper))).drop(draw);
            lower = upper;
        }
        return parts;
    }

    /** {@link #randomSplit(double[], long)} with a random seed. */
    public DataFrame[] randomSplit(double[] weights) {
        return randomSplit(weights, new java.util.Random().nextLong());
    }

    // ---- actions --------------------------------------------------------------------------------

    private QueryExecution execution(LogicalPlan p) {
        return new QueryExecution(session, session.cacheManager().useCached(p));
    }

    /** All rows, on the driver. */
    public List<Row> collectAsList() {
        return Rows.toRows(execution(plan).collect(), schema(), session.conf().java8Api());
    }

    /** All rows, on the driver. */
    public Row[] collect() {
        return collectAsList().toArray(new Row[0]);
    }

    /** The number of rows. */
    public long count() {
        Alias count = Alias.of(new AggregateExpression(AggFn.COUNT, Literal.create(1), false, false), "count");
        List<ColumnBatch> result = execution(new Aggregate(List.of(), List.of(count), plan)).collect();
        return result.get(0).columns[0].longs[0];
    }

    /** The first {@code n} rows (fewer if there are fewer). */
    public List<Row> takeAsList(int n) {
        return Rows.toRows(execution(new Limit(n, plan)).collectLimited(n), schema(), session.conf().java8Api());
    }

    /** The first {@code n} rows. */
    public Row[] take(int n) {
        return takeAsList(n).toArray(new Row[0]);
    }

    /** The first {@code n} rows. */
    public Row[] head(int n) {
        return take(n);
    }

    /**
     * The first row.
     *
     * @throws java.util.NoSuchElementException if there are no rows
     */
    public Row head() {
        List<Row> rows = takeAsList(1);
        if (rows.isEmpty()) {
            throw new java.util.NoSuchElementException("next on empty iterator");
        }
        return rows.get(0);
    }

    /** The same as {@link #head()}. */
    public Row first() {
        return head();
    }

    /** Whether there are no rows. */
    public boolean isEmpty() {
        return takeAsList(1).isEmpty();
    }

    /** Runs {@code f} on every row, on the executors. */
    public void foreach(VoidFunction<Row> f) {
        rdd().foreach(f);
    }

    /** Runs {@code f} on each partition's rows, on the executors. */
    public void foreachPartition(VoidFunction<Iterator<Row>> f) {
        rdd().foreachPartition(f);
    }

    /** The rows, fetched one partition at a time (only one partition in driver memory). */
    public Iterator<Row> toLocalIterator() {
        RDD<ColumnBatch> rdd = execution(plan).toRdd();
        StructType schema = schema();
        boolean java8 = session.conf().java8Api();
        int partitions = rdd.getNumPartitions();
        return new Iterator<>() {
            int next;
            Iterator<Row> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && next < partitions) {
                    List<ArrayList<ColumnBatch>> part = session.context().runJob(rdd, (tc, it) -> {
                        ArrayList<ColumnBatch> list = new ArrayList<>();
                        it.forEachRemaining(list::add);
                        return list;
                    }, List.of(next++));
                    current = Rows.toRows(part.get(0), schema, java8).iterator();
                }
                return current.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** The rows as an RDD (rows are built from the column batches on the executors). */
    public RDD<Row> rdd() {
        StructType schema = schema();
        boolean java8 = session.conf().java8Api();
        return execution(plan).toRdd().flatMap(b -> Rows.toRows(b, schema, java8));
    }

    /**
     * The same as {@link #rdd()}, Spark's Java name: Ember's {@link RDD} is already the Java API, so
     * there is no separate {@code JavaRDD}.
     */
    public RDD<Row> toJavaRDD() {
        return rdd();
    }

    // ---- typed views (Spark's Dataset<Row> methods) ---------------------------------------------

    /**
     * The rows as objects of {@code encoder}'s type, its fields matched to columns by name:
     * {@code df.as(Encoders.bean(Person.class))}.
     *
     * @throws AnalysisException naming a field without a column (and the available columns), or a
     *     column whose type cannot be cast up to the field's
     */
    public <T> Dataset<T> as(Encoder<T> encoder) {
        return new Dataset<>(this, AgnosticEncoder.of(encoder));
    }

    /** The rows as a {@code Dataset<Row>}, for code written against Spark's {@code Dataset<Row>}. */
    public Dataset<Row> toDS() {
        return as(Encoders.row(schema()));
    }

    /** Applies {@code f} to every row; the results are stored with {@code encoder}. */
    public <U> Dataset<U> map(io.vavr.Function1<? super Row, ? extends U> f, Encoder<U> encoder) {
        return toDS().map(f, encoder);
    }

    /** Applies {@code f} to every row and flattens the results, stored with {@code encoder}. */
    public <U> Dataset<U> flatMap(io.vavr.Function1<? super Row, ? extends Iterable<? extends U>> f,
            Encoder<U> encoder) {
        return toDS().flatMap(f, encoder);
    }

    /** Transforms each partition's rows as a whole; the results are stored with {@code encoder}. */
    public <U> Dataset<U> mapPartitions(io.vavr.Function1<io.vavr.collection.Iterator<Row>, ? extends Iterator<U>> f,
            Encoder<U> encoder) {
        return toDS().mapPartitions(f, encoder);
    }

    /** The rows grouped by the key {@code f} gives them, the keys stored with {@code encoder}. */
    public <K> KeyValueGroupedDataset<K, Row> groupByKey(io.vavr.Function1<? super Row, ? extends K> f,
            Encoder<K> encoder) {
        return toDS().groupByKey(f, encoder);
    }

    /** A writer of this DataFrame's rows to files. */
    public DataFrameWriter write() {
        return new DataFrameWriter(this);
    }

    /** Prints the first 20 rows, strings cut at 20 characters. */
    public void show() {
        show(20, true);
    }

    /** Prints the first {@code numRows} rows. */
    public void show(int numRows) {
        show(numRows, true);
    }

    /** Prints the first 20 rows, strings cut at 20 characters if {@code truncate}. */
    public void show(boolean truncate) {
        show(20, truncate);
    }

    /** Prints the first {@code numRows} rows, strings cut at 20 characters if {@code truncate}. */
    public void show(int numRows, boolean truncate) {
        show(numRows, truncate ? 20 : 0);
    }

    /** Prints the first {@code numRows} rows, strings cut at {@code truncate} characters (0: never). */
    public void show(int numRows, int truncate) {
        System.out.print(showString(numRows, truncate));
    }

    /** The table {@code show(numRows, truncate)} prints. */
    public String showString(int numRows, int truncate) {
        int n = Math.max(0, numRows);
        List<ColumnBatch> batches = execution(new Limit(n + 1, plan)).collectLimited(n + 1);
        List<Object[]> rows = new ArrayList<>();
        for (ColumnBatch b : batches) {
            for (int r = 0; r < b.numRows; r++) {
                Object[] values = new Object[b.numColumns()];
                for (int c = 0; c < values.length; c++) {
                    values[c] = b.columns[c].get(r);
                }
                rows.add(values);
            }
        }
        return ShowString.render(schema(), rows, n, truncate, ZoneId.of(session.conf().timeZone()));
    }

    /** Prints the physical plan. */
    public void explain() {
        explain(false);
    }

    /** Prints the physical plan, and with {@code extended} the logical plans before it. */
    public void explain(boolean extended) {
        System.out.println(explainString(extended));
    }

    /**
     * Prints the plans in Spark's {@code mode}: {@code simple} (the physical plan),
     * {@code extended} (the logical plans too) or {@code cost} (the optimized logical plan with
     * each node's estimated {@code Statistics(sizeInBytes, rowCount)}, then the physical plan).
     *
     * @throws IllegalArgumentException for another mode
     */
    public void explain(String mode) {
        System.out.println(explainString(mode));
    }

    /** The text {@code explain(mode)} prints. */
    public String explainString(String mode) {
        Objects.requireNonNull(mode, "mode is null");
        return execution(plan).explainString(mode);
    }

    /** The text {@code explain(extended)} prints. */
    public String explainString(boolean extended) {
        return execution(plan).explainString(extended);
    }

    /** The optimized logical plan as text. */
    public String optimizedPlanString() {
        return execution(plan).optimized().treeString();
    }

    @Override
    public String toString() {
        List<String> cols = new ArrayList<>();
        for (AttributeReference a : plan.output()) {
            cols.add(a.name() + ": " + a.dataType().simpleString());
        }
        return "[" + String.join(", ", cols) + "]";
    }
}
