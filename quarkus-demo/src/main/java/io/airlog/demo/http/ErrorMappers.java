package io.airlog.demo.http;

import io.airlog.AuditException;
import io.airlog.demo.document.DocumentNotFoundException;
import io.airlog.demo.security.SignInRefusedException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * How exceptions become HTTP responses: every error is a JSON body {@code {"error": "..."}}
 * ({@link ErrorResponses}) with the status that fits, and never a stack trace.
 */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

    /** Bad input (the message names the field or parameter): 400. */
    @ServerExceptionMapper
    public Response badInput(IllegalArgumentException e) {
        return ErrorResponses.of(Response.Status.BAD_REQUEST, e.getMessage());
    }

    /** A body without Content-Type or of a type the endpoint does not read: 415. */
    @ServerExceptionMapper
    public Response unsupportedType(ContentTypeException e) {
        return ErrorResponses.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
    }

    /** A missing document: 404. */
    @ServerExceptionMapper
    public Response notFound(DocumentNotFoundException e) {
        return ErrorResponses.of(Response.Status.NOT_FOUND, e.getMessage());
    }

    /** A refused sign-in: 401, without a {@code WWW-Authenticate} challenge (no browser dialog). */
    @ServerExceptionMapper
    public Response signInRefused(SignInRefusedException e) {
        return ErrorResponses.of(Response.Status.UNAUTHORIZED, e.getMessage());
    }

    /** A call that needs a signed-in user: 401. */
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return ErrorResponses.of(Response.Status.UNAUTHORIZED, ErrorResponses.NOT_SIGNED_IN);
    }

    /** Credentials that were refused: 401. */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return ErrorResponses.of(Response.Status.UNAUTHORIZED, ErrorResponses.WRONG_CREDENTIALS);
    }

    /** A call the user's roles do not allow: 403. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ErrorResponses.of(Response.Status.FORBIDDEN, "your roles do not allow this");
    }

    /** What the REST layer refuses (unknown path 404, method 405, Accept 406, ...): its status. */
    @ServerExceptionMapper
    public Response rest(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        return ErrorResponses.of(status, type == null ? "HTTP " + status : type.getReasonPhrase().toLowerCase(Locale.ROOT));
    }

    /** The audit log could not record a call (airlog.on-write-failure=fail): 500, logged. */
    @ServerExceptionMapper
    public Response auditFailed(AuditException e) {
        return internal("the audit log could not record this request", e);
    }

    /** Anything else: 500 with an error id that the server log repeats, and no detail. */
    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        return internal("internal error", e);
    }

    private static Response internal(String what, Exception e) {
        String id = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, what + " (error id " + id + ")", e);
        return ErrorResponses.of(Response.Status.INTERNAL_SERVER_ERROR, what + "; the server log has the details"
                + " under error id " + id);
    }
}
