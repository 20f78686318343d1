package io.ember.rdd.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Hides the values of secret settings wherever settings are shown or logged: the web UI's
 * Environment page, its JSON API, the event log and log lines. Spark's
 * {@code spark.redaction.regex} is the model: a setting whose <em>key</em> the pattern finds a
 * match in has its value replaced by {@value #REDACTED}.
 *
 * <p>Design notes. The default pattern matches {@code secret}, {@code password}, {@code passwd},
 * {@code token} and {@code credential} anywhere in a key, and {@code key} only as a word of it
 * ({@code ember.ssl.key}, {@code ember.api_key}, {@code ember.s3.accessKey}), so that a key that
 * merely contains the letters ({@code ember.sql.monkeyPatch}, {@code ember.keyStore.type}) keeps
 * its value visible. Values themselves are not searched (unlike Spark) because class paths and
 * directories would then be hidden for containing a word; instead, values that are command lines
 * ({@code sun.java.command}) have the values of their {@code key=value} and
 * {@code --key value} arguments redacted by the same rule. Immutable and thread-safe.
 */
public final class Redaction {
    /** The setting that replaces the default pattern (a Java regular expression, found in keys). */
    public static final String REGEX_SETTING = "ember.redaction.regex";
    /** What a redacted value shows instead, Spark's text. */
    public static final String REDACTED = "*********(redacted)";
    /** The default pattern; see the class notes. */
    public static final String DEFAULT_REGEX = "(?i)secret|password|passwd|token|credential"
            + "|(?<![a-z])keys?(?![a-z])|(?-i:(?<=[a-z0-9])Keys?(?![a-z]))";

    /** One argument of a command line. */
    private static final Pattern WORD = Pattern.compile("\\S+");
    /** What comes before a key in an argument: {@code -D}, {@code -R-D}, {@code --}. */
    private static final Pattern OPTION_PREFIX = Pattern.compile("^(-R)?-D|^--?");

    private final Pattern pattern;

    private Redaction(Pattern pattern) {
        this.pattern = pattern;
    }

    /** The redaction that {@code settings} ask for: {@value #REGEX_SETTING}, else the default. */
    public static Redaction forSettings(Map<String, String> settings) {
        return new Redaction(compile(settings.getOrDefault(REGEX_SETTING, DEFAULT_REGEX)));
    }

    /**
     * Compiles a value of {@value #REGEX_SETTING}.
     *
     * @throws IllegalArgumentException naming the setting if {@code regex} is not a valid pattern
     */
    public static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Setting '" + REGEX_SETTING + "' must be a Java regular expression: "
                    + e.getMessage().replace(System.lineSeparator(), " "), e);
        }
    }

    /** Whether the value of the setting {@code key} is hidden. */
    public boolean isSecret(String key) {
        return pattern.matcher(key).find();
    }

    /** {@code value}, or {@value #REDACTED} if {@code key} names a secret. */
    public String redact(String key, String value) {
        return isSecret(key) ? REDACTED : value;
    }

    /** A sorted copy of {@code settings} with the values of secret keys hidden. */
    public Map<String, String> redact(Map<String, String> settings) {
        Map<String, String> redacted = new TreeMap<>();
        settings.forEach((key, value) -> redacted.put(key, redact(key, value)));
        return redacted;
    }

    /**
     * {@code commandLine} with the values of its secret arguments hidden: {@code key=value} (also
     * as {@code -Dkey=value} or {@code -R-Dkey=value}) and {@code --key value}, where {@code key}
     * names a secret.
     */
    public String redactCommandLine(String commandLine) {
        Matcher token = WORD.matcher(commandLine);
        StringBuilder out = new StringBuilder();
        boolean hideNext = false;
        while (token.find()) {
            String word = token.group();
            String replacement = word;
            int equals = word.indexOf('=');
            if (hideNext) {
                replacement = REDACTED;
                hideNext = false;
            } else if (equals > 0 && isSecret(OPTION_PREFIX.matcher(word.substring(0, equals)).replaceFirst(""))) {
                replacement = word.substring(0, equals + 1) + REDACTED;
            } else if (equals < 0 && word.startsWith("--") && isSecret(word.substring(2))) {
                hideNext = true;
            }
            token.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        token.appendTail(out);
        return out.toString();
    }
}
