package io.airlog.demo.document;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.airlog.demo.http.JsonBody;
import io.airlog.demo.http.PageRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;

/**
 * The document API, {@code /api/documents}, for signed-in users. The resource reads what the
 * client sent as it is (bodies as text, parameters as strings) and hands it to
 * {@link DocumentService}, where role checks, input checks and auditing happen, so that every
 * request, a bad one included, is recorded.
 */
@Path("/api/documents")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {
    private static final char[] ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final int ID_LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    DocumentService documents;

    @Inject
    ObjectMapper json;

    /** One page of documents, newest first, titles only ({@code offset}, {@code limit} 1 to 100, default 20). */
    @GET
    public DocumentPage list(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return documents.list(PageRequest.of(offset, limit));
    }

    /** One document, body included. */
    @GET
    @Path("{id}")
    public Document get(@PathParam("id") String id) {
        return documents.get(new DocumentId(id));
    }

    /**
     * Creates a document; 201 with its location (a path: the request's Host header is not
     * copied into it).
     */
    @POST
    public Response create(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        Document created = documents.create(newId(), request(contentType, body));
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, "/api/documents/" + created.id())
                .entity(created).build();
    }

    /** Replaces a document's title and body. */
    @PUT
    @Path("{id}")
    public Document update(@PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           String body) {
        return documents.update(new DocumentId(id), request(contentType, body));
    }

    /** Deletes a document; 204. */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        documents.delete(new DocumentId(id));
        return Response.noContent().build();
    }

    private DocumentRequest request(String contentType, String body) {
        return new DocumentRequest(JsonBody.read(json, contentType, body, DocumentRequest.MEMBERS));
    }

    /** A new document id: {@value #ID_LENGTH} random characters (50 bits). */
    static String newId() {
        char[] id = new char[ID_LENGTH];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }
}
