package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.MapData;
import io.ember.dataframe.internal.batch.Values;
import io.ember.dataframe.internal.io.JsonFunctions;
import io.ember.dataframe.types.ArrayType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.DecimalType;
import io.ember.dataframe.types.DoubleType;
import io.ember.dataframe.types.IntegerType;
import io.ember.dataframe.types.LongType;
import io.ember.dataframe.types.MapType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scalar functions: how each names itself, which arguments it takes (the analyzer casts to
 * them), its result type and how it computes one row. Evaluation is a loop over the batch (see
 * {@link ScalarFunction}); the arguments arrive as internal values (days for dates, microseconds
 * for timestamps), and a null argument gives a null result.
 */
public enum Fn {
    UPPER("upper", args(ArgType.STRING), t -> DataTypes.StringType, (a, z) -> ((String) a[0]).toUpperCase(Locale.ROOT)),
    LOWER("lower", args(ArgType.STRING), t -> DataTypes.StringType, (a, z) -> ((String) a[0]).toLowerCase(Locale.ROOT)),
    TRIM("trim", args(ArgType.STRING), t -> DataTypes.StringType, (a, z) -> trim((String) a[0], true, true)),
    LTRIM("ltrim", args(ArgType.STRING), t -> DataTypes.StringType, (a, z) -> trim((String) a[0], true, false)),
    RTRIM("rtrim", args(ArgType.STRING), t -> DataTypes.StringType, (a, z) -> trim((String) a[0], false, true)),
    LENGTH("length", args(ArgType.STRING), t -> DataTypes.IntegerType,
            (a, z) -> ((String) a[0]).codePointCount(0, ((String) a[0]).length())),
    SUBSTRING("substring", args(ArgType.STRING, ArgType.INT, ArgType.INT), t -> DataTypes.StringType,
            (a, z) -> substring((String) a[0], (Integer) a[1], (Integer) a[2])),
    CONCAT("concat", varargs(ArgType.STRING), t -> DataTypes.StringType, (a, z) -> {
        StringBuilder sb = new StringBuilder();
        for (Object o : a) {
            sb.append((String) o);
        }
        return sb.toString();
    }),
    SPLIT("split", args(ArgType.STRING, ArgType.STRING, ArgType.INT),
            t -> new ArrayType(DataTypes.StringType, false),
            (a, z) -> split((String) a[0], (String) a[1], (Integer) a[2])),
    REGEXP_REPLACE("regexp_replace", args(ArgType.STRING, ArgType.STRING, ArgType.STRING, ArgType.INT),
            t -> DataTypes.StringType,
            (a, z) -> regexReplace((String) a[0], (String) a[1], (String) a[2], (Integer) a[3])),
    REGEXP_EXTRACT("regexp_extract", args(ArgType.STRING, ArgType.STRING, ArgType.INT), t -> DataTypes.StringType,
            (a, z) -> {
                Matcher m = regex((String) a[1]).matcher((String) a[0]);
                return m.find() ? nullToEmpty(m.group((Integer) a[2])) : "";
            }),
    LIKE("like", args(ArgType.STRING, ArgType.STRING), t -> DataTypes.BooleanType,
            (a, z) -> regex(likeToRegex((String) a[1])).matcher((String) a[0]).matches()),
    RLIKE("rlike", args(ArgType.STRING, ArgType.STRING), t -> DataTypes.BooleanType,
            (a, z) -> regex((String) a[1]).matcher((String) a[0]).find()),
    CONTAINS("contains", args(ArgType.STRING, ArgType.STRING), t -> DataTypes.BooleanType,
            (a, z) -> ((String) a[0]).contains((String) a[1])),
    STARTSWITH("startswith", args(ArgType.STRING, ArgType.STRING), t -> DataTypes.BooleanType,
            (a, z) -> ((String) a[0]).startsWith((String) a[1])),
    ENDSWITH("endswith", args(ArgType.STRING, ArgType.STRING), t -> DataTypes.BooleanType,
            (a, z) -> ((String) a[0]).endsWith((String) a[1])),
    /** Spark's legacy (non-ANSI) {@code size}: -1 for null. */
    SIZE("size", args(ArgType.ARRAY_OR_MAP), t -> DataTypes.IntegerType, true,
            (a, z) -> a[0] == null ? -1 : a[0] instanceof MapData m ? m.size() : ((List<?>) a[0]).size()),
    ARRAY("array", varargs(ArgType.ANY), t -> new ArrayType(t.get(0), true), true,
            (a, z) -> Collections.unmodifiableList(new ArrayList<>(Arrays.asList(a)))),
    MAP("map", varargs(ArgType.ANY), t -> new MapType(t.get(0), t.get(1), true), true, (a, z) -> {
        List<Object> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < a.length; i += 2) {
            keys.add(a[i]);
            values.add(a[i + 1]);
        }
        return MapData.lastWins(keys, values);
    }),
    ELEMENT_AT("element_at", args(ArgType.ARRAY_OR_MAP, ArgType.ANY), Fn::elementType,
            (a, z) -> a[0] instanceof MapData m ? m.get(a[1]) : elementAt((List<?>) a[0], (Integer) a[1])),
    ARRAY_CONTAINS("array_contains", args(ArgType.ARRAY, ArgType.ANY), t -> DataTypes.BooleanType,
            (a, z) -> arrayContains((List<?>) a[0], a[1])),
    MAP_KEYS("map_keys", args(ArgType.MAP), t -> new ArrayType(((MapType) t.get(0)).keyType(), false),
            (a, z) -> ((MapData) a[0]).keys()),
    /** The JSON text of a struct, map or array; evaluated in {@code evalVector}, which knows the argument's type. */
    TO_JSON("to_json", args(ArgType.ANY), t -> DataTypes.StringType, (a, z) -> null),
    MAP_VALUES("map_values", args(ArgType.MAP),
            t -> new ArrayType(((MapType) t.get(0)).valueType(), ((MapType) t.get(0)).valueContainsNull()),
            (a, z) -> ((MapData) a[0]).values()),

    TO_DATE("to_date", args(ArgType.STRING), t -> DataTypes.DateType, (a, z) -> DateTimeParsing.parseDate((String) a[0])),
    TO_DATE_FMT("to_date", args(ArgType.STRING, ArgType.STRING), t -> DataTypes.DateType,
            (a, z) -> DateTimeParsing.parseDate((String) a[0], (String) a[1])),
    TO_TIMESTAMP("to_timestamp", args(ArgType.STRING), t -> DataTypes.TimestampType,
            (a, z) -> DateTimeParsing.parseTimestamp((String) a[0], z)),
    TO_TIMESTAMP_FMT("to_timestamp", args(ArgType.STRING, ArgType.STRING), t -> DataTypes.TimestampType,
            (a, z) -> DateTimeParsing.parseTimestamp((String) a[0], (String) a[1], z)),
    DATE_FORMAT("date_format", args(ArgType.TIMESTAMP, ArgType.STRING), t -> DataTypes.StringType,
            (a, z) -> DateTimeParsing.formatter((String) a[1])
                    .format(LocalDateTime.ofInstant(Values.microsToInstant((Long) a[0]), z))),
    YEAR("year", args(ArgType.DATE), t -> DataTypes.IntegerType, (a, z) -> LocalDate.ofEpochDay((Integer) a[0]).getYear()),
    QUARTER("quarter", args(ArgType.DATE), t -> DataTypes.IntegerType,
            (a, z) -> LocalDate.ofEpochDay((Integer) a[0]).get(IsoFields.QUARTER_OF_YEAR)),
    MONTH("month", args(ArgType.DATE), t -> DataTypes.IntegerType,
            (a, z) -> LocalDate.ofEpochDay((Integer) a[0]).getMonthValue()),
    DAYOFMONTH("dayofmonth", args(ArgType.DATE), t -> DataTypes.IntegerType,
            (a, z) -> LocalDate.ofEpochDay((Integer) a[0]).getDayOfMonth()),
    DAYOFWEEK("dayofweek", args(ArgType.DATE), t -> DataTypes.IntegerType,
            (a, z) -> LocalDate.ofEpochDay((Integer) a[0]).getDayOfWeek().getValue() % 7 + 1),
    DAYOFYEAR("dayofyear", args(ArgType.DATE), t -> DataTypes.IntegerType,
            (a, z) -> LocalDate.ofEpochDay((Integer) a[0]).getDayOfYear()),
    HOUR("hour", args(ArgType.TIMESTAMP), t -> DataTypes.IntegerType,
            (a, z) -> LocalDateTime.ofInstant(Values.microsToInstant((Long) a[0]), z).getHour()),
    MINUTE("minute", args(ArgType.TIMESTAMP), t -> DataTypes.IntegerType,
            (a, z) -> LocalDateTime.ofInstant(Values.microsToInstant((Long) a[0]), z).getMinute()),
    SECOND("second", args(ArgType.TIMESTAMP), t -> DataTypes.IntegerType,
            (a, z) -> LocalDateTime.ofInstant(Values.microsToInstant((Long) a[0]), z).getSecond()),
    DATE_TRUNC("date_trunc", args(ArgType.STRING, ArgType.TIMESTAMP), t -> DataTypes.TimestampType,
            (a, z) -> dateTrunc((String) a[0], (Long) a[1], z)),
    DATEDIFF("datediff", args(ArgType.DATE, ArgType.DATE), t -> DataTypes.IntegerType,
            (a, z) -> (Integer) a[0] - (Integer) a[1]),
    DATE_ADD("date_add", args(ArgType.DATE, ArgType.INT), t -> DataTypes.DateType,
            (a, z) -> (Integer) a[0] + (Integer) a[1]),
    DATE_SUB("date_sub", args(ArgType.DATE, ArgType.INT), t -> DataTypes.DateType,
            (a, z) -> (Integer) a[0] - (Integer) a[1]),
    ADD_MONTHS("add_months", args(ArgType.DATE, ArgType.INT), t -> DataTypes.DateType,
            (a, z) -> Math.toIntExact(LocalDate.ofEpochDay((Integer) a[0]).plusMonths((Integer) a[1]).toEpochDay())),

    ROUND("round", args(ArgType.NUMERIC, ArgType.INT), Fn::roundType, (a, z) -> null),
    ABS("abs", args(ArgType.NUMERIC), t -> t.get(0), (a, z) -> null),
    NEGATIVE("-", args(ArgType.NUMERIC), t -> t.get(0), (a, z) -> null),
    SQRT("SQRT", args(ArgType.DOUBLE), t -> DataTypes.DoubleType, (a, z) -> Math.sqrt((Double) a[0])),
    POW("POWER", args(ArgType.DOUBLE, ArgType.DOUBLE), t -> DataTypes.DoubleType,
            (a, z) -> Math.pow((Double) a[0], (Double) a[1])),
    EXP("EXP", args(ArgType.DOUBLE), t -> DataTypes.DoubleType, (a, z) -> Math.exp((Double) a[0])),
    LN("ln", args(ArgType.DOUBLE), t -> DataTypes.DoubleType,
            (a, z) -> (Double) a[0] <= 0 ? null : Math.log((Double) a[0])),
    FLOOR("FLOOR", args(ArgType.DOUBLE), t -> DataTypes.LongType, (a, z) -> (long) Math.floor((Double) a[0])),
    CEIL("CEIL", args(ArgType.DOUBLE), t -> DataTypes.LongType, (a, z) -> (long) Math.ceil((Double) a[0])),
    SIN("SIN", Math::sin),
    COS("COS", Math::cos),
    TAN("TAN", Math::tan),
    ASIN("ASIN", Math::asin),
    ACOS("ACOS", Math::acos),
    ATAN("ATAN", Math::atan),
    SINH("SINH", Math::sinh),
    COSH("COSH", Math::cosh),
    TANH("TANH", Math::tanh),
    EXPM1("EXPM1", Math::expm1),
    CBRT("CBRT", Math::cbrt),
    SIGNUM("SIGNUM", Math::signum),
    DEGREES("DEGREES", Math::toDegrees),
    RADIANS("RADIANS", Math::toRadians),
    RINT("rint", Math::rint),
    LOG10("LOG10", args(ArgType.DOUBLE), t -> DataTypes.DoubleType,
            (a, z) -> (Double) a[0] <= 0 ? null : Math.log10((Double) a[0])),
    LOG2("LOG2", args(ArgType.DOUBLE), t -> DataTypes.DoubleType,
            (a, z) -> (Double) a[0] <= 0 ? null : Math.log((Double) a[0]) / Math.log(2)),
    LOG1P("LOG1P", args(ArgType.DOUBLE), t -> DataTypes.DoubleType,
            (a, z) -> (Double) a[0] <= -1 ? null : Math.log1p((Double) a[0])),
    LOG("LOG", args(ArgType.DOUBLE, ArgType.DOUBLE), t -> DataTypes.DoubleType,
            (a, z) -> (Double) a[0] <= 0 || (Double) a[1] <= 0 ? null : Math.log((Double) a[1]) / Math.log((Double) a[0])),
    ATAN2("ATAN2", args(ArgType.DOUBLE, ArgType.DOUBLE), t -> DataTypes.DoubleType,
            // + 0.0 turns -0.0 into 0.0, as Spark does, so that atan2(0.0, -1.0) and atan2(-0.0, -1.0) agree.
            (a, z) -> Math.atan2((Double) a[0] + 0.0, (Double) a[1] + 0.0)),
    HYPOT("HYPOT", args(ArgType.DOUBLE, ArgType.DOUBLE), t -> DataTypes.DoubleType,
            (a, z) -> Math.hypot((Double) a[0], (Double) a[1])),
    PMOD("pmod", args(ArgType.NUMERIC, ArgType.NUMERIC), Fn::pmodType, (a, z) -> null),
    BROUND("bround", args(ArgType.NUMERIC, ArgType.INT), Fn::roundType, (a, z) -> null);

    private static final ConcurrentHashMap<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private final String sqlName;
    private final ArgType[] inputs;
    private final boolean varargs;
    private final Function<List<DataType>, DataType> resultType;
    private final boolean nullTolerant;
    private final BiFunction<Object[], ZoneId, Object> apply;

    /** A function whose result is null when any argument is. */
    Fn(String sqlName, ArgType[] inputs, Function<List<DataType>, DataType> resultType,
       BiFunction<Object[], ZoneId, Object> apply) {
        this(sqlName, inputs, resultType, false, apply);
    }

    /** A function that, when {@code nullTolerant}, is called with null arguments too. */
    Fn(String sqlName, ArgType[] inputs, Function<List<DataType>, DataType> resultType, boolean nullTolerant,
       BiFunction<Object[], ZoneId, Object> apply) {
        this.sqlName = sqlName;
        this.inputs = inputs.length == 2 && inputs[1] == null ? new ArgType[] {inputs[0]} : inputs;
        this.varargs = inputs.length == 2 && inputs[1] == null;
        this.resultType = resultType;
        this.nullTolerant = nullTolerant;
        this.apply = apply;
    }

    /** A function of one double giving a double, such as {@code sin}. */
    Fn(String sqlName, DoubleUnaryOperator f) {
        this(sqlName, args(ArgType.DOUBLE), t -> DataTypes.DoubleType, (a, z) -> f.applyAsDouble((Double) a[0]));
    }

    private static ArgType[] args(ArgType... types) {
        return types;
    }

    private static ArgType[] varargs(ArgType type) {
        return new ArgType[] {type, null};
    }

    /** The name in SQL text. */
    public String sqlName() {
        return sqlName;
    }

    /** What argument {@code i} must be. */
    public ArgType input(int i) {
        return varargs ? inputs[0] : inputs[i];
    }

    /** Whether {@code n} arguments are accepted. */
    public boolean acceptsArity(int n) {
        return varargs ? n >= 1 : n == inputs.length;
    }

    /** The result type for arguments of {@code types} (after implicit casts). */
    public DataType resultType(List<DataType> types) {
        return resultType.apply(types);
    }

    /** Computes a batch of results. */
    ColumnVector evalVector(DataType out, ColumnVector[] args, int n, ZoneId zone) {
        ColumnVector strings = stringKernel(args, n);
        if (strings != null) {
            return strings;
        }
        switch (this) {
            case ROUND, BROUND, ABS, NEGATIVE:
                return numeric(out, args, n);
            case PMOD:
                return Vectors.rowwise(out, args, n, true, a -> PositiveModulo.apply(out, (Number) a[0], (Number) a[1]));
            case TO_JSON:
                return Vectors.rowwise(out, args, n, true, a -> JsonFunctions.toJson(a[0], args[0].type, zone));
            case HOUR:
                if (zone.getRules().isFixedOffset()) {
                    long offset = zone.getRules().getOffset(java.time.Instant.EPOCH).getTotalSeconds();
                    int[] res = new int[n];
                    long[] micros = args[0].longs;
                    for (int i = 0; i < n; i++) {
                        long sec = Math.floorDiv(micros[i], 1_000_000L) + offset;
                        res[i] = (int) (Math.floorMod(sec, 86_400L) / 3600);
                    }
                    return ColumnVector.ofInts(out, res, Vectors.copyNulls(args[0], n), n);
                }
                break;
            default:
                break;
        }
        return Vectors.rowwise(out, args, n, !nullTolerant, a -> apply.apply(a, zone));
    }

    /** The result by a byte-level kernel for the hot string functions, or null if none applies. */
    private ColumnVector stringKernel(ColumnVector[] args, int n) {
        switch (this) {
            case UPPER, LOWER, LENGTH, TRIM, LTRIM, RTRIM, SUBSTRING:
                if (!StringKernels.allStrings(args[0])
                        || (this == SUBSTRING && (args[1].kind != ColumnVector.INT || args[2].kind != ColumnVector.INT))) {
                    return null;
                }
                return switch (this) {
                    case UPPER, LOWER -> StringKernels.changeCase(args[0], n, this == UPPER);
                    case LENGTH -> StringKernels.length(args[0], n);
                    case SUBSTRING -> StringKernels.substring(args[0], args[1], args[2], n);
                    default -> StringKernels.trim(args[0], n, this != RTRIM, this != LTRIM);
                };
            case CONCAT:
                return StringKernels.allStrings(args) ? StringKernels.concat(args, n) : null;
            case LIKE:
                return StringKernels.allStrings(args) ? StringKernels.like(args[0], args[1], n) : null;
            case CONTAINS, STARTSWITH, ENDSWITH:
                return StringKernels.allStrings(args) ? StringKernels.search(this, args[0], args[1], n) : null;
            default:
                return null;
        }
    }

    private ColumnVector numeric(DataType out, ColumnVector[] args, int n) {
        ColumnVector x = args[0];
        boolean[] nulls = Vectors.copyNulls(x, n);
        boolean rounds = this == ROUND || this == BROUND;
        RoundingMode mode = this == BROUND ? RoundingMode.HALF_EVEN : RoundingMode.HALF_UP;
        if (rounds && args[1].isNull(0)) {
            return ColumnVector.constant(out, null, n);
        }
        int digits = rounds ? (Integer) args[1].get(0) : 0;
        switch (x.kind) {
            case ColumnVector.INT: {
                int[] r = new int[n];
                for (int i = 0; i < n; i++) {
                    int v = x.ints[i];
                    r[i] = this == ABS ? Math.abs(v) : this == NEGATIVE ? -v : (int) roundLong(v, digits, mode);
                }
                return ColumnVector.ofInts(out, r, nulls, n);
            }
            case ColumnVector.LONG: {
                long[] r = new long[n];
                for (int i = 0; i < n; i++) {
                    long v = x.longs[i];
                    r[i] = this == ABS ? Math.abs(v) : this == NEGATIVE ? -v : roundLong(v, digits, mode);
                }
                return ColumnVector.ofLongs(out, r, nulls, n);
            }
            case ColumnVector.DOUBLE: {
                double[] r = new double[n];
                for (int i = 0; i < n; i++) {
                    double v = x.doubles[i];
                    r[i] = this == ABS ? Math.abs(v) : this == NEGATIVE ? -v : roundDouble(v, digits, mode);
                }
                return ColumnVector.ofDoubles(out, r, nulls, n);
            }
            case ColumnVector.DECIMAL:
                if (!rounds && out.equals(x.type)) {
                    // A sign change keeps the digits, so the unscaled long cannot overflow.
                    long[] r = new long[n];
                    for (int i = 0; i < n; i++) {
                        long v = x.longs[i];
                        r[i] = this == ABS ? Math.abs(v) : -v;
                    }
                    return ColumnVector.ofUnscaledDecimals((DecimalType) out, r, nulls, n);
                }
                return decimalNumeric(out, x, n, digits, mode);
            default:
                return decimalNumeric(out, x, n, digits, mode);
        }
    }

    private ColumnVector decimalNumeric(DataType out, ColumnVector x, int n, int digits, RoundingMode mode) {
        ColumnVector r = ColumnVector.allocate(out, n);
        for (int i = 0; i < n; i++) {
            BigDecimal v = (BigDecimal) x.get(i);
            if (v == null) {
                r.appendNull();
            } else if (this == ABS) {
                r.appendObject(v.abs());
            } else if (this == NEGATIVE) {
                r.appendObject(v.negate());
            } else {
                r.appendObject(Values.toDecimal(v.setScale(Math.max(digits, 0), mode)
                        .setScale(((DecimalType) out).scale(), RoundingMode.HALF_UP), (DecimalType) out));
            }
        }
        return r;
    }

    private static long roundLong(long v, int digits, RoundingMode mode) {
        if (digits >= 0) {
            return v;
        }
        return BigDecimal.valueOf(v).setScale(digits, mode).longValue();
    }

    private static double roundDouble(double v, int digits, RoundingMode mode) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return BigDecimal.valueOf(v).setScale(digits, mode).doubleValue();
    }

    /** The element type of an array, the value type of a map. */
    private static DataType elementType(List<DataType> t) {
        return t.get(0) instanceof MapType m ? m.valueType() : ((ArrayType) t.get(0)).elementType();
    }

    /** Spark's {@code element_at} on an array: 1-based, negative from the end, null when out of range. */
    private static Object elementAt(List<?> list, int index) {
        if (index == 0) {
            throw new ArithmeticException("[INVALID_INDEX_OF_ZERO] The index 0 is invalid. An index shall be either "
                    + "< 0 or > 0 (the first element has index 1).");
        }
        int at = index > 0 ? index - 1 : list.size() + index;
        return at >= 0 && at < list.size() ? list.get(at) : null;
    }

    /** True if found; otherwise null if the array holds a null (the answer is unknown), else false. */
    private static Boolean arrayContains(List<?> list, Object value) {
        boolean sawNull = false;
        for (Object o : list) {
            if (o == null) {
                sawNull = true;
            } else if (Values.equal(o, value)) {
                return true;
            }
        }
        return sawNull ? null : false;
    }

    private static DataType pmodType(List<DataType> t) {
        return PositiveModulo.resultType(t.get(0), t.get(1));
    }

    private static DataType roundType(List<DataType> t) {
        DataType in = t.get(0);
        if (in instanceof DecimalType d) {
            // round(decimal(p,s), d) -> decimal(p - s + d + 1, d) as Spark; the scale digit is unknown here: keep s.
            return d;
        }
        if (in instanceof IntegerType || in instanceof LongType || in instanceof DoubleType) {
            return in;
        }
        return DataTypes.DoubleType;
    }

    /** Renders a call with its arguments' texts. */
    public String render(List<String> args) {
        return switch (this) {
            case LIKE -> args.get(0) + " LIKE " + args.get(1);
            case RLIKE -> args.get(0) + " RLIKE " + args.get(1);
            case NEGATIVE -> "(- " + args.get(0) + ")";
            default -> sqlName + "(" + String.join(", ", args) + ")";
        };
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static String trim(String s, boolean left, boolean right) {
        int start = 0;
        int end = s.length();
        while (left && start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (right && end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(start, end);
    }

    /** Spark's 1-based substring; a position of 0 is 1, a negative one counts from the end. */
    static String substring(String s, int pos, int len) {
        int n = s.length();
        int start = pos > 0 ? pos - 1 : pos < 0 ? n + pos : 0;
        if (len <= 0 || start >= n) {
            return "";
        }
        int end = (int) Math.min((long) Math.max(start, 0) + len - (start < 0 ? -start : 0), n);
        start = Math.max(start, 0);
        return end <= start ? "" : s.substring(start, end);
    }

    private static List<String> split(String s, String regex, int limit) {
        String[] parts = regex(regex).split(s, limit > 0 ? limit : -1);
        return Collections.unmodifiableList(new ArrayList<>(Arrays.asList(parts)));
    }

    private static String regexReplace(String s, String regex, String replacement, int position) {
        int from = Math.max(position, 1) - 1;
        if (from >= s.length()) {
            return s;
        }
        Matcher m = regex(regex).matcher(s.substring(from));
        return s.substring(0, from) + m.replaceAll(replacement);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static Pattern regex(String regex) {
        return PATTERNS.computeIfAbsent(regex, Pattern::compile);
    }

    /**
     * The Java regex of a SQL LIKE pattern ({@code %}, {@code _}, escape {@code \}). It walks
     * code points, so that a character outside the BMP is quoted whole and {@code _} matches it.
     */
    public static String likeToRegex(String pattern) {
        StringBuilder sb = new StringBuilder("(?s)");
        for (int i = 0; i < pattern.length(); ) {
            int c = pattern.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\\' && i < pattern.length()) {
                int escaped = pattern.codePointAt(i);
                i += Character.charCount(escaped);
                sb.append(Pattern.quote(Character.toString(escaped)));
            } else if (c == '%') {
                sb.append(".*");
            } else if (c == '_') {
                sb.append('.');
            } else {
                sb.append(Pattern.quote(Character.toString(c)));
            }
        }
        return sb.toString();
    }

    private static Long dateTrunc(String unit, long micros, ZoneId zone) {
        ZonedDateTime t = ZonedDateTime.ofInstant(Values.microsToInstant(micros), zone);
        ZonedDateTime r;
        switch (unit.toLowerCase(Locale.ROOT)) {
            case "year", "yyyy", "yy" -> r = t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
            case "quarter" -> r = t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1)
                    .withMonth((t.getMonthValue() - 1) / 3 * 3 + 1);
            case "month", "mon", "mm" -> r = t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            case "week" -> r = t.truncatedTo(ChronoUnit.DAYS).with(java.time.temporal.TemporalAdjusters
                    .previousOrSame(DayOfWeek.MONDAY));
            case "day", "dd" -> r = t.truncatedTo(ChronoUnit.DAYS);
            case "hour" -> r = t.truncatedTo(ChronoUnit.HOURS);
            case "minute" -> r = t.truncatedTo(ChronoUnit.MINUTES);
            case "second" -> r = t.truncatedTo(ChronoUnit.SECONDS);
            case "millisecond" -> r = t.truncatedTo(ChronoUnit.MILLIS);
            case "microsecond" -> r = t;
            default -> {
                return null;
            }
        }
        return Values.instantToMicros(r.toInstant());
    }
}
