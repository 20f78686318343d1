package io.ember.rdd.ui.web;

/** Thrown by a page or an API route for something that does not exist; answered with a 404. */
final class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFoundException(String message) {
        super(message);
    }
}
