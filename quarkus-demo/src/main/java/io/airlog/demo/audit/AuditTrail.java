package io.airlog.demo.audit;

import io.airlog.AuditLogReader;
import io.airlog.AuditStream;
import io.airlog.jdbc.JdbcChainVerifier;
import io.airlog.jdbc.TableNames;
import io.airlog.verify.VerificationReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application's audit log as the audit API sees it: the default stream's reader (a JDBC
 * stream reads back its own table) and a full verification of the stored log.
 */
@ApplicationScoped
public class AuditTrail {
    @Inject
    AuditStream stream;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "airlog.jdbc.table-prefix", defaultValue = TableNames.DEFAULT_PREFIX)
    String tablePrefix;

    /**
     * The reader of the default stream's log.
     *
     * @throws IllegalStateException if the configured backend cannot read its log back
     */
    public AuditLogReader reader() {
        if (stream instanceof AuditLogReader reader) {
            return reader;
        }
        throw new IllegalStateException("audit stream '" + stream.name() + "' cannot read its log back ("
                + stream.getClass().getSimpleName() + "); the demo needs airlog.backend=jdbc");
    }

    /** Verifies the whole stored log: every row, every link, the head. */
    public VerificationReport verify() {
        return new JdbcChainVerifier(dataSource, TableNames.of(tablePrefix)).verifyFull(reader().logId());
    }
}
