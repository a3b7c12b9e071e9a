package io.airlog.payara;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** How the service's exceptions reach HTTP clients: a status and a one-line text. */
final class ErrorMappers {
    private ErrorMappers() {
    }

    private static Response error(Response.Status status, Throwable e) {
        return Response.status(status).type(MediaType.TEXT_PLAIN).entity(e.getMessage()).build();
    }

    /** 409 Conflict. */
    @Provider
    public static final class InsufficientFunds implements ExceptionMapper<InsufficientFundsException> {
        @Override
        public Response toResponse(InsufficientFundsException e) {
            return error(Response.Status.CONFLICT, e);
        }
    }

    /** 403 Forbidden. */
    @Provider
    public static final class Security implements ExceptionMapper<SecurityException> {
        @Override
        public Response toResponse(SecurityException e) {
            return error(Response.Status.FORBIDDEN, e);
        }
    }

    /** 400 Bad Request. */
    @Provider
    public static final class BadArgument implements ExceptionMapper<IllegalArgumentException> {
        @Override
        public Response toResponse(IllegalArgumentException e) {
            return error(Response.Status.BAD_REQUEST, e);
        }
    }
}
