package io.airlog.demo.http;

/**
 * A request body without a Content-Type or with one the endpoint does not read: answered 415.
 * An audited call that throws it is recorded as FAILURE.
 */
public class ContentTypeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With a message naming what was sent and what is read. */
    public ContentTypeException(String message) {
        super(message);
    }
}
