package io.airlog;

/**
 * How an audited action ended.
 */
public enum Outcome {
    /** The action completed. */
    SUCCESS,
    /** The action was attempted and failed (an error, a rejected input, a failed commit). */
    FAILURE,
    /** The action was refused for lack of authentication or authorisation. */
    DENIED
}
