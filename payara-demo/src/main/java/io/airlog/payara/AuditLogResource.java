package io.airlog.payara;

import io.airlog.AuditEvent;
import io.airlog.AuditLogReader;
import io.airlog.AuditQuery;
import io.airlog.AuditStream;
import io.airlog.encoding.EventJson;
import io.airlog.jdbc.JdbcChainVerifier;
import io.airlog.jdbc.TableNames;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The audit log over HTTP, for auditors (see {@code WEB-INF/web.xml}): the stored events in
 * airlog's JSON shape ({@link EventJson}), read through the injected stream (a JDBC stream is
 * also an {@link AuditLogReader}), and a verification of the whole chain in the database.
 */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditLogResource {
    @Inject
    AuditStream stream;

    @Resource(lookup = DemoApplication.DATA_SOURCE)
    DataSource dataSource;

    /**
     * {@code GET /api/audit/events?resourceId=a1&offset=0&limit=100}: a page of events, oldest
     * first, optionally only those of one resource id.
     */
    @GET
    @Path("events")
    public String events(@QueryParam("resourceId") String resourceId,
                         @QueryParam("offset") @DefaultValue("0") long offset,
                         @QueryParam("limit") @DefaultValue("100") int limit) {
        AuditQuery.Builder query = AuditQuery.builder().offset(offset).limit(limit);
        if (resourceId != null) {
            query.resourceId(resourceId);
        }
        List<AuditEvent> page = reader().find(query.build());
        return page.stream().map(EventJson::toJson).collect(Collectors.joining(",", "[", "]"));
    }

    /**
     * {@code GET /api/audit/verification}: the whole log verified from its first row in the
     * database (airlog-jdbc's verifier, read-only), every damaged place listed.
     */
    @GET
    @Path("verification")
    public String verification() {
        JdbcChainVerifier verifier = new JdbcChainVerifier(dataSource, TableNames.DEFAULT);
        return ReportJson.toJson(verifier.verifyFull(reader().logId()));
    }

    private AuditLogReader reader() {
        if (stream instanceof AuditLogReader reader) {
            return reader;
        }
        throw new IllegalStateException("audit stream '" + stream.name() + "' cannot be read back");
    }
}
