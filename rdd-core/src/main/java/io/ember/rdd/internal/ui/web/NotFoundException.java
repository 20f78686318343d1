package io.ember.rdd.internal.ui.web;

/** Thrown by a page or an API route for something that does not exist; answered with a 404. */
public final class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error answered with a 404 showing {@code message}. */
    public NotFoundException(String message) {
        super(message);
    }
}
