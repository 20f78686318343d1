package io.ember.dataframe.internal.io;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.List;

/**
 * Splits one line into fields. Lines with a quote character go through FastCSV (RFC 4180 quoting;
 * a backslash-style escape before a quote is rewritten to a doubled quote first); lines without
 * one are split at the separator directly, which gives the same fields faster. Lines are parsed
 * one at a time so that an unterminated quote spoils its own line only, as in Spark's default
 * single-line mode.
 */
final class CsvLineParser {
    private final char sep;
    private final char quote;
    private final char escape;
    private final CsvReader.CsvReaderBuilder fastCsv;

    CsvLineParser(CsvOptions o) {
        this.sep = o.sep();
        this.quote = o.quote();
        this.escape = o.escape();
        this.fastCsv = CsvReader.builder().fieldSeparator(sep).quoteCharacter(quote).allowExtraFields(true)
                .allowMissingFields(true).allowUnclosedQuote(false).allowExtraCharsAfterClosingQuote(false)
                .skipEmptyLines(false);
    }

    /** The fields of {@code line}, or null with {@link #error} set if it is malformed. */
    String[] parse(String line) {
        error = null;
        if (line.indexOf(quote) < 0) {
            return splitPlain(line);
        }
        String text = escape != quote && line.indexOf(escape) >= 0 ? rewriteEscapes(line) : line;
        try {
            CsvRecord r = fastCsv.ofSingleCsvRecord(text);
            List<String> fields = r.getFields();
            return fields.toArray(new String[0]);
        } catch (CsvParseException | IllegalStateException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            error = "unparseable quoting (" + cause.getMessage() + ")";
            return null;
        } catch (RuntimeException e) {
            error = "unparseable quoting (" + e + ")";
            return null;
        }
    }

    String error;

    private String[] splitPlain(String line) {
        int count = 1;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == sep) {
                count++;
            }
        }
        String[] out = new String[count];
        int start = 0;
        int k = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == sep) {
                out[k++] = line.substring(start, i);
                start = i + 1;
            }
        }
        out[k] = line.substring(start);
        return out;
    }

    private String rewriteEscapes(String line) {
        StringBuilder sb = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == escape && i + 1 < line.length() && (line.charAt(i + 1) == quote || line.charAt(i + 1) == escape)) {
                char next = line.charAt(++i);
                sb.append(next);
                if (next == quote) {
                    sb.append(quote);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
