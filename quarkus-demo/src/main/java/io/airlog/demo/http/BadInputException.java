package io.airlog.demo.http;

/**
 * A request whose content is not acceptable: answered 400 with the message, which names the
 * field or parameter and the problem. An audited call that throws it is recorded as FAILURE.
 */
public class BadInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** With a message naming the field or parameter. */
    public BadInputException(String message) {
        super(message);
    }
}
