package io.ember.dataframe;

/**
 * Thrown when a DataFrame operation refers to something that does not exist or does not fit:
 * an unknown or ambiguous column (the message names it and the closest existing names), or a
 * type mismatch. Thrown eagerly, by the call that built the bad expression or plan.
 */
public class AnalysisException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with {@code message}. */
    public AnalysisException(String message) {
        super(message);
    }

    /** An exception with {@code message} and {@code cause}. */
    public AnalysisException(String message, Throwable cause) {
        super(message, cause);
    }
}
