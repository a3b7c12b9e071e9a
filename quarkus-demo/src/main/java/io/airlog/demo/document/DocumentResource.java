package io.airlog.demo.document;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.security.SecureRandom;
import java.util.List;

/**
 * The document API: {@code /api/documents}. Role checks and auditing happen in
 * {@link DocumentService}.
 */
@Path("/api/documents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DocumentResource {
    private static final char[] ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final int ID_LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    DocumentService documents;

    /** Every document, newest first. */
    @GET
    public List<Document> list() {
        return documents.list();
    }

    /** One document. */
    @GET
    @Path("{id}")
    public Document get(@PathParam("id") String id) {
        return documents.get(id);
    }

    /** Creates a document; 201 with its location. */
    @POST
    public Response create(DocumentInput input, @Context UriInfo uri) {
        Document created = documents.create(newId(), input == null ? new DocumentInput(null, null) : input);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    /** Replaces a document's title and body. */
    @PUT
    @Path("{id}")
    public Document update(@PathParam("id") String id, DocumentInput input) {
        return documents.update(id, input == null ? new DocumentInput(null, null) : input);
    }

    /** Deletes a document; 204. */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        documents.delete(id);
        return Response.noContent().build();
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
