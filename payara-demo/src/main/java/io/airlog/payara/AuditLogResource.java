package io.airlog.payara;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The audit log over HTTP, for auditors (see {@code WEB-INF/web.xml}); reading and auditing
 * happen in {@link AuditTrail}.
 */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditLogResource {
    @Inject
    AuditTrail trail;

    /**
     * {@code GET /api/audit/events?resourceId=a1&offset=0&limit=100}: a page of events, oldest
     * first, optionally only those of one resource id.
     */
    @GET
    @Path("events")
    public String events(@QueryParam("resourceId") String resourceId, @QueryParam("offset") String offset,
                         @QueryParam("limit") String limit) {
        return trail.events(new Raw(resourceId), new Raw(offset), new Raw(limit));
    }

    /**
     * {@code GET /api/audit/verification}: the whole log verified from its first row in the
     * database (airlog-jdbc's verifier, read-only), every damaged place listed.
     */
    @GET
    @Path("verification")
    public String verification() {
        return trail.verification();
    }
}
