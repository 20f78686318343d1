package io.ember.dataframe.internal.io.jdbc;

import io.ember.rdd.internal.Redaction;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the secrets a JDBC URL may carry before it is shown in a plan, the UI or an error:
 * {@code key=value} properties whose key the engine's {@link Redaction} rule calls secret
 * ({@code ?password=...}, {@code ;password=...}, {@code &sslpassword=...}) and the password of a
 * {@code //user:password@host} authority.
 */
public final class JdbcUrls {
    private static final Pattern PROPERTY = Pattern.compile("([?&;:])([^?&;:=/]+)=([^&;]*)");
    private static final Pattern AUTHORITY_PASSWORD = Pattern.compile("(//[^/:@?;&]+:)([^/@?;&]+)(@)");

    private JdbcUrls() {
    }

    /** {@code url} with the values the default redaction rule calls secret replaced by {@value Redaction#REDACTED}. */
    public static String redact(String url) {
        return redact(url, Redaction.forSettings(Map.of()));
    }

    /** {@code url} with the values {@code redaction} calls secret replaced by {@value Redaction#REDACTED}. */
    public static String redact(String url, Redaction redaction) {
        if (url == null) {
            return null;
        }
        String noAuth = AUTHORITY_PASSWORD.matcher(url).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + Redaction.REDACTED + m.group(3)));
        return PROPERTY.matcher(noAuth).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + "="
                + redaction.redact(m.group(2), m.group(3))));
    }

    /** {@code text} (e.g. a driver's error message) with every occurrence of the options' secrets hidden. */
    static String redactSecrets(String text, JdbcOptions options) {
        if (text == null) {
            return null;
        }
        String out = text.replace(options.url(), options.shownUrl());
        String password = options.connectionProperties().getProperty("password");
        if (password != null && !password.isEmpty()) {
            out = out.replace(password, Redaction.REDACTED);
        }
        return out;
    }
}
