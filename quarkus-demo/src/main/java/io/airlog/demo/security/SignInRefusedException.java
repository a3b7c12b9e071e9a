package io.airlog.demo.security;

import io.airlog.demo.http.ErrorResponses;

/** A sign-in with a wrong user name or password: answered 401, recorded as FAILURE. */
public class SignInRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The one message for every refused sign-in (it does not tell which of the two was wrong). */
    public SignInRefusedException() {
        super(ErrorResponses.WRONG_CREDENTIALS);
    }
}
