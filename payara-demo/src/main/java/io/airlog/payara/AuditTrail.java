package io.airlog.payara;

import io.airlog.AuditEvent;
import io.airlog.AuditQuery;
import io.airlog.cdi.AuditField;
import io.airlog.cdi.AuditLog;
import io.airlog.encoding.EventJson;
import io.airlog.jdbc.JdbcAuditStream;
import io.airlog.jdbc.JdbcChainVerifier;
import io.airlog.jdbc.SchemaMode;
import io.airlog.jdbc.TableNames;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The audit log as the audit API reads it, itself audited ({@code audit.search},
 * {@code audit.verify}, resource {@code audit-log}): straight from the database through
 * airlog-jdbc's reader (a {@link JdbcAuditStream} that is only read from) and verifier on the
 * application's data source, with the configured {@code airlog.log-id}. It does not depend on
 * what the injected {@link io.airlog.AuditStream} is: with redaction configured, that is a
 * pipeline in front of the backend, not a reader.
 */
@ApplicationScoped
public class AuditTrail {
    /** The largest page. */
    static final int MAX_LIMIT = 1000;

    @Resource(lookup = DemoApplication.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "airlog.log-id", defaultValue = "default")
    String logId;

    private JdbcAuditStream reader;

    /**
     * A page of the stored events, oldest first, in airlog's JSON shape, as a JSON array.
     *
     * @throws BadRequestException (400) for a bad parameter
     */
    @AuditLog(action = "audit.search", resource = "audit-log")
    public String events(@AuditField(value = "resourceId", property = "shown") Raw resourceId,
                         @AuditField(value = "offset", property = "number") Raw offset,
                         @AuditField(value = "limit", property = "number") Raw limit) {
        long skip = offset.text() == null ? 0 : Input.number("offset", offset.text());
        long size = limit.text() == null ? 100 : Input.number("limit", limit.text());
        if (skip < 0 || size < 1 || size > MAX_LIMIT) {
            throw new BadRequestException("offset: 0 or more, limit: 1 to " + MAX_LIMIT + "; got " + skip + ", " + size);
        }
        AuditQuery.Builder query = AuditQuery.builder().offset(skip).limit((int) size);
        if (resourceId.text() != null) {
            query.resourceId(Input.id(resourceId.text()));
        }
        List<AuditEvent> page = reader().find(query.build());
        return page.stream().map(EventJson::toJson).collect(Collectors.joining(",", "[", "]"));
    }

    /** A verification of the whole stored log, every damaged place listed, as JSON. */
    @AuditLog(action = "audit.verify", resource = "audit-log")
    public String verification() {
        return ReportJson.toJson(new JdbcChainVerifier(dataSource, TableNames.DEFAULT).verifyFull(logId));
    }

    private synchronized JdbcAuditStream reader() {
        if (reader == null) {
            reader = JdbcAuditStream.builder(dataSource).name("audit-api-reader").logId(logId)
                    .schemaMode(SchemaMode.NONE).build();
        }
        return reader;
    }

    @PreDestroy
    synchronized void close() {
        if (reader != null) {
            reader.close();
        }
    }
}
