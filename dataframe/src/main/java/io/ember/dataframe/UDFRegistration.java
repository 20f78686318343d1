package io.ember.dataframe;

import io.ember.dataframe.types.DataType;
import io.vavr.Function1;
import io.vavr.Function2;
import io.vavr.Function3;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** The UDFs of a session by name ({@code spark.udf().register(...)}); thread-safe. */
public final class UDFRegistration {
    private final ConcurrentHashMap<String, UserDefinedFunction> functions = new ConcurrentHashMap<>();

    UDFRegistration() {
    }

    /** Registers a one-argument function as {@code name}. */
    public UserDefinedFunction register(String name, Function1<?, ?> f, DataType returnType) {
        return put(name, new UserDefinedFunction(name, f, 1, returnType));
    }

    /** Registers a two-argument function as {@code name}. */
    public UserDefinedFunction register(String name, Function2<?, ?, ?> f, DataType returnType) {
        return put(name, new UserDefinedFunction(name, f, 2, returnType));
    }

    /** Registers a three-argument function as {@code name}. */
    public UserDefinedFunction register(String name, Function3<?, ?, ?, ?> f, DataType returnType) {
        return put(name, new UserDefinedFunction(name, f, 3, returnType));
    }

    /** Registers {@code udf} as {@code name}. */
    public UserDefinedFunction register(String name, UserDefinedFunction udf) {
        return put(name, udf.withName(name));
    }

    private UserDefinedFunction put(String name, UserDefinedFunction f) {
        Objects.requireNonNull(name, "name is null");
        functions.put(name, f);
        return f;
    }

    /**
     * The function registered as {@code name}.
     *
     * @throws AnalysisException naming the registered functions if there is none
     */
    public UserDefinedFunction lookup(String name) {
        UserDefinedFunction f = functions.get(name);
        if (f == null) {
            throw new AnalysisException("[UNRESOLVED_ROUTINE] Cannot resolve function `" + name + "`; registered: "
                    + functions.keySet());
        }
        return f;
    }
}
