package io.airlog.demo;

import io.airlog.demo.document.DocumentNotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** How the application's exceptions become HTTP responses: a JSON body {@code {"error": "..."}}. */
public final class ErrorMappers {
    private ErrorMappers() {
    }

    /** A missing document: 404. */
    @Provider
    public static class NotFound implements ExceptionMapper<DocumentNotFoundException> {
        @Override
        public Response toResponse(DocumentNotFoundException e) {
            return error(Response.Status.NOT_FOUND, e.getMessage());
        }
    }

    /** Bad input (the message names the field or parameter): 400. */
    @Provider
    public static class BadInput implements ExceptionMapper<IllegalArgumentException> {
        @Override
        public Response toResponse(IllegalArgumentException e) {
            return error(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", message == null ? status.getReasonPhrase() : message)).build();
    }
}
