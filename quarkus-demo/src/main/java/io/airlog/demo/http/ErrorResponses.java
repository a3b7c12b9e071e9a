package io.airlog.demo.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** The application's error responses: a status and the JSON body {@code {"error": "..."}}. */
public final class ErrorResponses {
    /** The message of a 401 to a caller who is not signed in. */
    public static final String NOT_SIGNED_IN = "not signed in: sign in (POST /api/session) or send HTTP Basic credentials";
    /** The message of a 401 to a caller whose credentials were refused. */
    public static final String WRONG_CREDENTIALS = "wrong user name or password";

    private ErrorResponses() {
    }

    /** A response with {@code status} and {@code {"error": message}}. */
    public static Response of(Response.Status status, String message) {
        return of(status.getStatusCode(), message);
    }

    /** A response with {@code status} and {@code {"error": message}}. */
    public static Response of(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", message == null ? "HTTP " + status : message)).build();
    }
}
