package io.airlog.demo.security;

import io.airlog.demo.http.BadInputException;
import io.airlog.demo.http.InputText;
import io.airlog.demo.http.JsonBody;
import java.util.Set;

/**
 * A sign-in attempt as the client sent it: a user name and a password from the sign-in form's
 * JSON body ({@code {"user": ..., "password": ...}}) or from HTTP Basic credentials, or the
 * problem that makes it unusable. Never throws when made, so that every attempt, usable or
 * not, reaches the audited {@link SignInAudit#signIn} call. The password is never recorded
 * and never shown by {@link #toString()}.
 */
public final class SignInRequest {
    /** The members of the JSON body. */
    public static final Set<String> MEMBERS = Set.of("user", "password");
    /** The longest user name. */
    public static final int MAX_USER = 128;
    /** The longest password. */
    public static final int MAX_PASSWORD = 1024;

    private final String userShown;
    private final String mechanism;
    private final String user;
    private final String password;
    private final RuntimeException problem;

    private SignInRequest(String userShown, String mechanism, String user, String password,
                          RuntimeException problem) {
        this.userShown = userShown;
        this.mechanism = mechanism;
        this.user = user;
        this.password = password;
        this.problem = problem;
    }

    /** The attempt in a sign-in form's body. */
    public static SignInRequest fromJson(JsonBody body) {
        try {
            return checked(body.text("user"), body.text("password"), "form");
        } catch (RuntimeException e) {
            return new SignInRequest(body.shown("user"), "form", null, null, e);
        }
    }

    /** The attempt in HTTP Basic credentials ({@code null} user: they could not be decoded). */
    public static SignInRequest basic(String user, String password) {
        if (user == null) {
            return new SignInRequest(null, "basic", null, null,
                    new BadInputException("Authorization: malformed HTTP Basic credentials"));
        }
        try {
            return checked(user, password, "basic");
        } catch (RuntimeException e) {
            return new SignInRequest(InputText.shown(user), "basic", null, null, e);
        }
    }

    private static SignInRequest checked(String user, String password, String mechanism) {
        if (user == null || user.isBlank()) {
            throw new BadInputException("user: required, must not be blank");
        }
        InputText.checked("user", user, MAX_USER);
        if (password == null || password.isEmpty()) {
            throw new BadInputException("password: required");
        }
        if (password.length() > MAX_PASSWORD) {
            throw new BadInputException("password: at most " + MAX_PASSWORD + " characters");
        }
        return new SignInRequest(InputText.shown(user), mechanism, user, password, null);
    }

    /** The user name as an audit event records it (see {@link InputText#shown}); null if none could be read. */
    public String userShown() {
        return userShown;
    }

    /** How the credentials came: {@code form} (the sign-in endpoint) or {@code basic} (HTTP Basic). */
    public String mechanism() {
        return mechanism;
    }

    /** What makes the attempt unusable (bad input 400, content type 415), or null. */
    public RuntimeException problem() {
        return problem;
    }

    /** The user name, checked; null when there is a {@linkplain #problem() problem}. */
    String user() {
        return user;
    }

    /** The password; null when there is a {@linkplain #problem() problem}. */
    String password() {
        return password;
    }

    @Override
    public String toString() {
        return "sign-in of '" + userShown + "' (" + mechanism + ")";
    }
}
