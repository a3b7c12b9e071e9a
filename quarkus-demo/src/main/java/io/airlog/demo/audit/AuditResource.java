package io.airlog.demo.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.airlog.AuditEvent;
import io.airlog.AuditLogReader;
import io.airlog.AuditQuery;
import io.airlog.ChainPosition;
import io.airlog.Outcome;
import io.airlog.encoding.EventJson;
import io.airlog.verify.Damage;
import io.airlog.verify.VerificationReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The audit API, {@code /api/audit}, for users with role {@code admin} or {@code viewer}:
 * the events of the log, filtered and paged, and a verification of the whole stored chain.
 */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "viewer"})
public class AuditResource {
    /** The largest page the API returns. */
    public static final int MAX_PAGE = 1000;

    @Inject
    AuditTrail trail;

    @Inject
    ObjectMapper json;

    /**
     * One page of events.
     *
     * @param logId the log
     * @param head the log's size and last checksum when the page was read
     * @param offset how many matching events were skipped
     * @param limit the page size asked for
     * @param hasMore whether more events match after this page
     * @param events the events, in sequence order, in the JSON shape of {@link EventJson}
     */
    public record EventPage(String logId, ChainPosition head, long offset, int limit, boolean hasMore,
                            List<JsonNode> events) {
    }

    /**
     * The result of a verification.
     *
     * @param logId the log
     * @param intact whether no damage was found
     * @param eventsRead how many stored events were read
     * @param verifiedThrough the last sequence verified intact and contiguous from the start
     * @param summary one line for humans
     * @param damages every damaged place, in storage order
     * @param verifiedAt when the verification ran
     */
    public record Verification(String logId, boolean intact, long eventsRead, long verifiedThrough, String summary,
                               List<Damage> damages, Instant verifiedAt) {
    }

    /**
     * The events matching every given filter (blank filters are ignored), in sequence order.
     *
     * @throws IllegalArgumentException naming the parameter if a value is invalid (400)
     */
    @GET
    @Path("events")
    public EventPage events(@QueryParam("action") String action, @QueryParam("subject") String subject,
                            @QueryParam("outcome") String outcome, @QueryParam("resource") String resource,
                            @QueryParam("resourceId") String resourceId,
                            @QueryParam("correlationId") String correlationId,
                            @QueryParam("offset") @DefaultValue("0") long offset,
                            @QueryParam("limit") @DefaultValue("50") int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset: must not be negative, got " + offset);
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit: must be between 1 and " + MAX_PAGE + ", got " + limit);
        }
        AuditLogReader reader = trail.reader();
        ChainPosition head = reader.head();
        AuditQuery query = AuditQuery.builder().action(blankToNull(action)).subject(blankToNull(subject))
                .outcome(outcome(outcome)).resource(blankToNull(resource)).resourceId(blankToNull(resourceId))
                .correlationId(blankToNull(correlationId))
                .offset(offset).limit(limit + 1).build();
        List<AuditEvent> found = reader.find(query);
        boolean more = found.size() > limit;
        List<JsonNode> events = new ArrayList<>(Math.min(found.size(), limit));
        for (AuditEvent e : more ? found.subList(0, limit) : found) {
            events.add(tree(e));
        }
        return new EventPage(reader.logId(), head, offset, limit, more, events);
    }

    /** Verifies the whole stored log and reports every damaged place. */
    @GET
    @Path("verify")
    public Verification verify() {
        VerificationReport report = trail.verify();
        return new Verification(report.logId(), report.intact(), report.eventsRead(), report.end().size(),
                report.summary(), report.damages(), Instant.now());
    }

    private JsonNode tree(AuditEvent e) {
        try {
            return json.readTree(EventJson.toJson(e));
        } catch (JsonProcessingException x) {
            throw new IllegalStateException("event " + e.position() + " has no JSON form: " + x.getMessage(), x);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Outcome outcome(String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return Outcome.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("outcome: '" + v + "' is not one of " + Arrays.toString(Outcome.values()), e);
        }
    }
}
