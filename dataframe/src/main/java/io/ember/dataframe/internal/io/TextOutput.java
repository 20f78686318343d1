package io.ember.dataframe.internal.io;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.types.StringType;
import io.ember.dataframe.types.StructType;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Set;

/**
 * Text output ({@code df.write().text(path)}): the DataFrame's one string column, one value per
 * line ended by {@code lineSep} (default {@code \n}); a null value is an empty line, as Spark
 * writes it. {@code compression}: none or gzip.
 */
public record TextOutput(String codec, String lineSep) implements OutputFormat {
    /** The option names, in Spark's spelling. */
    public static final Set<String> NAMES = Set.of("compression", "codec", "lineSep");

    /**
     * The output the options ask for.
     *
     * @throws IllegalArgumentException naming a bad option value
     */
    public static TextOutput from(DataSourceOptions o) {
        String sep = o.get("lineSep", "\n");
        if (sep.isEmpty()) {
            throw new IllegalArgumentException("Option 'lineSep' must not be empty");
        }
        return new TextOutput(TextFileOutputs.codec("Text", o.get("compression", o.get("codec"))), sep);
    }

    @Override
    public void checkSchema(StructType schema) {
        check(schema);
    }

    /**
     * Checks that {@code schema} is one string column.
     *
     * @throws AnalysisException naming the columns otherwise
     */
    public static void check(StructType schema) {
        if (schema.size() != 1 || !(schema.apply(0).dataType() instanceof StringType)) {
            throw new AnalysisException("Text data source supports only a single column of type string, and you have "
                    + schema.size() + " columns: " + schema.simpleString());
        }
    }

    @Override
    public String extension() {
        return codec.equals("gzip") ? ".txt.gz" : ".txt";
    }

    @Override
    public FileWriter open(Path file, StructType schema) throws IOException {
        Writer out = TextFileOutputs.open(file, codec);
        return new FileWriter() {
            @Override
            public void write(ColumnBatch batch) throws IOException {
                for (int r = 0; r < batch.numRows; r++) {
                    Object v = batch.columns[0].get(r);
                    if (v != null) {
                        out.write((String) v);
                    }
                    out.write(lineSep);
                }
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }
}
