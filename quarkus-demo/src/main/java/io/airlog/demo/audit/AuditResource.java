package io.airlog.demo.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The audit API, {@code /api/audit}: the events of the log, searched and paged newest first
 * (parameters: {@link EventSearchRequest}), a verification of the whole stored chain, and the
 * newest signed checkpoint with the witness.
 * Role checks and auditing happen in {@link AuditAccess}.
 */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    @Inject
    AuditAccess access;

    /** One page of the events that match every given filter. */
    @GET
    @Path("events")
    public EventPage events(@QueryParam("action") String action, @QueryParam("subject") String subject,
                            @QueryParam("outcome") String outcome, @QueryParam("resource") String resource,
                            @QueryParam("resourceId") String resourceId,
                            @QueryParam("correlationId") String correlationId,
                            @QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("before") String before, @QueryParam("after") String after,
                            @QueryParam("limit") String limit) {
        return access.search(EventSearchRequest.of(action, subject, outcome, resource, resourceId, correlationId,
                from, to, before, after, limit));
    }

    /** Verifies the whole stored log and reports every damaged place. */
    @GET
    @Path("verify")
    public Verification verify() {
        return access.verify();
    }

    /** The newest signed checkpoint of the log and what its witness holds. */
    @GET
    @Path("checkpoint")
    public CheckpointState checkpoint() {
        return access.checkpoint();
    }
}
