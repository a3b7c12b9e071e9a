package io.airlog.payara;

import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How the service's exceptions reach HTTP clients: a status and a JSON body
 * {@code {"error": "..."}}, never a stack trace. (Errors the servlet container answers itself,
 * such as a refused sign-in, get the same body from {@link ErrorServlet}.)
 */
final class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

    private ErrorMappers() {
    }

    /** A response with {@code status} and {@code {"error": message}}. */
    static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(json(message)).build();
    }

    /** {@code {"error": message}} as JSON text. */
    static String json(String message) {
        return Json.createObjectBuilder().add("error", message).build().toString();
    }

    /** 409 Conflict. */
    @Provider
    public static final class InsufficientFunds implements ExceptionMapper<InsufficientFundsException> {
        @Override
        public Response toResponse(InsufficientFundsException e) {
            return error(409, e.getMessage());
        }
    }

    /** 403 Forbidden. */
    @Provider
    public static final class Security implements ExceptionMapper<SecurityException> {
        @Override
        public Response toResponse(SecurityException e) {
            return error(403, e.getMessage());
        }
    }

    /** What JAX-RS refuses or the service throws as a status (400, 404, 405, 415, ...): that status. */
    @Provider
    public static final class Rest implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String message = e.getMessage() != null && !e.getMessage().startsWith("HTTP " + status) ? e.getMessage()
                    : Response.Status.fromStatusCode(status) == null ? "HTTP " + status
                    : Response.Status.fromStatusCode(status).getReasonPhrase().toLowerCase(Locale.ROOT);
            return error(status, message);
        }
    }

    /** Anything else: 500 with an error id that the server log repeats, and no detail. */
    @Provider
    public static final class Unexpected implements ExceptionMapper<Exception> {
        @Override
        public Response toResponse(Exception e) {
            String id = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "internal error (error id " + id + ")", e);
            return error(500, "internal error; the server log has the details under error id " + id);
        }
    }
}
