package io.ember.dataframe.internal.io;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.Values;
import io.ember.dataframe.types.StructType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.zip.GZIPOutputStream;

/**
 * CSV output through FastCSV: values as {@code CAST(v AS STRING)} gives them (timestamps in the
 * session time zone), nulls as {@code nullValue}, a header line if asked, gzip if asked.
 */
public record CsvOutput(CsvOptions options, String timeZone) implements OutputFormat {
    /** The option names CSV writing knows, in Spark's spelling. */
    public static final java.util.Set<String> NAMES = java.util.Set.of("header", "sep", "delimiter", "quote",
            "nullValue", "compression", "codec");

    @Override
    public String extension() {
        return options.compression().equals("gzip") ? ".csv.gz" : ".csv";
    }

    @Override
    public FileWriter open(Path file, StructType schema) throws IOException {
        Files.createDirectories(file.getParent());
        OutputStream raw = Files.newOutputStream(file);
        OutputStream stream = options.compression().equals("gzip") ? new GZIPOutputStream(raw, 65536) : raw;
        CsvWriter csv = CsvWriter.builder().fieldSeparator(options.sep()).quoteCharacter(options.quote())
                .lineDelimiter(LineDelimiter.LF).build(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        if (options.header()) {
            csv.writeRecord(schema.fieldNames());
        }
        ZoneId zone = ZoneId.of(timeZone);
        String[] line = new String[schema.size()];
        return new FileWriter() {
            @Override
            public void write(ColumnBatch batch) {
                for (int r = 0; r < batch.numRows; r++) {
                    for (int c = 0; c < line.length; c++) {
                        Object v = batch.columns[c].get(r);
                        line[c] = v == null ? options.nullValue() : Values.format(v, schema.apply(c).dataType(), zone);
                    }
                    csv.writeRecord(line);
                }
            }

            @Override
            public void close() throws IOException {
                csv.close();
            }
        };
    }
}
