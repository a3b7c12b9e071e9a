package io.airlog.demo.audit;

import io.airlog.AuditLogReader;
import io.airlog.jdbc.JdbcAuditStream;
import io.airlog.jdbc.JdbcChainVerifier;
import io.airlog.jdbc.SchemaMode;
import io.airlog.jdbc.TableNames;
import io.airlog.verify.VerificationReport;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application's audit log as the audit API reads it: straight from the database, through
 * airlog-jdbc's reader and verifier on the application's own data source (the one airlog
 * writes to), configured by the same {@code airlog.log-id} and
 * {@code airlog.jdbc.table-prefix}. It does not depend on what the injected
 * {@link io.airlog.AuditStream} is (with redaction or other middleware configured, that stream
 * is no reader).
 *
 * <p>The reader is a {@link JdbcAuditStream} that is only read from (airlog-jdbc's reader of a
 * log); its writer thread stays idle, and it is closed when the application stops.
 */
@ApplicationScoped
public class AuditTrail {
    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "airlog.log-id", defaultValue = "default")
    String logId;

    @ConfigProperty(name = "airlog.jdbc.table-prefix", defaultValue = TableNames.DEFAULT_PREFIX)
    String tablePrefix;

    private JdbcAuditStream reader;

    /** The id of the log. */
    public String logId() {
        return logId;
    }

    /** The table names of the log. */
    public TableNames tables() {
        return TableNames.of(tablePrefix);
    }

    /** The data source of the log. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The reader of the log. */
    public synchronized AuditLogReader reader() {
        if (reader == null) {
            reader = JdbcAuditStream.builder(dataSource).name("audit-api-reader").logId(logId)
                    .tablePrefix(tablePrefix).schemaMode(SchemaMode.NONE).build();
        }
        return reader;
    }

    /** Verifies the whole stored log: every row, every link, the head. */
    public VerificationReport verify() {
        return new JdbcChainVerifier(dataSource, tables()).verifyFull(logId);
    }

    @PreDestroy
    synchronized void close() {
        if (reader != null) {
            reader.close();
        }
    }
}
