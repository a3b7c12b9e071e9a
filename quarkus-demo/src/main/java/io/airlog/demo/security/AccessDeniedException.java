package io.airlog.demo.security;

/** A request refused before it reached the application because nobody is signed in: recorded as DENIED. */
public class AccessDeniedException extends SecurityException {
    private static final long serialVersionUID = 1L;

    /** With the reason. */
    public AccessDeniedException(String reason) {
        super(reason);
    }
}
