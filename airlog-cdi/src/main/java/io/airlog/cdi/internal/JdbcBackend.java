package io.airlog.cdi.internal;

import io.airlog.AuditException;
import io.airlog.cdi.AirlogConfigKeys;
import io.airlog.jdbc.JdbcAuditStream;
import io.airlog.jdbc.JdbcChainVerifier;
import io.airlog.jdbc.QueueFullPolicy;
import io.airlog.jdbc.SchemaException;
import io.airlog.jdbc.SchemaMode;
import io.airlog.jdbc.TableNames;
import io.airlog.jdbc.WriteMode;
import io.airlog.verify.VerificationReport;
import javax.sql.DataSource;

/**
 * The {@code jdbc} backend: the only class of airlog-cdi that uses airlog-jdbc, loaded only
 * when a stream has {@code backend=jdbc}, so applications that use other backends may leave
 * airlog-jdbc (and JDBI) out.
 */
final class JdbcBackend {
    private JdbcBackend() {
    }

    static AuditStreams.Target open(StreamSettings s, DataSource dataSource, MiddlewareChain middleware) {
        JdbcAuditStream.Builder b = JdbcAuditStream.builder(dataSource).name(s.name()).logId(s.logId())
                .schemaMode(SchemaMode.valueOf(s.schema().name()))
                .writeMode(WriteMode.valueOf(s.writeMode().name()))
                .queueFullPolicy(QueueFullPolicy.valueOf(s.queueFull().name()));
        String prefix = s.tablePrefix().orElse(TableNames.DEFAULT_PREFIX);
        set(s, AirlogConfigKeys.JDBC_TABLE_PREFIX, prefix, () -> b.tablePrefix(prefix));
        s.batchMaxSize().ifPresent(v -> set(s, AirlogConfigKeys.BATCH_MAX_SIZE, v, () -> b.batchMaxSize(v)));
        s.batchMaxDelay().ifPresent(v -> set(s, AirlogConfigKeys.BATCH_MAX_DELAY, v, () -> b.batchMaxDelay(v)));
        s.queueCapacity().ifPresent(v -> set(s, AirlogConfigKeys.QUEUE_CAPACITY, v, () -> b.queueCapacity(v)));
        s.queueBlockTimeout().ifPresent(v -> set(s, AirlogConfigKeys.QUEUE_BLOCK_TIMEOUT, v, () -> b.blockTimeout(v)));
        s.writeTimeout().ifPresent(v -> set(s, AirlogConfigKeys.JDBC_WRITE_TIMEOUT, v, () -> b.writeTimeout(v)));
        JdbcAuditStream stream;
        try {
            stream = b.build();
        } catch (SchemaException e) {
            throw new IllegalStateException("audit stream '" + s.name() + "' (" + s.key(AirlogConfigKeys.JDBC_SCHEMA)
                    + "=" + ConfigReader.spelling(s.schema()) + "): " + e.getMessage(), e);
        } catch (AuditException e) {
            throw new IllegalStateException("audit stream '" + s.name() + "': " + e.getMessage(), e);
        }
        JdbcChainVerifier verifier = new JdbcChainVerifier(dataSource, TableNames.of(prefix));
        return new AuditStreams.Target(s, middleware.wrap(s, stream), settings -> check(verifier, settings));
    }

    private static LogCheck check(JdbcChainVerifier verifier, StreamSettings s) {
        VerificationReport report = switch (s.verifyOnStartup()) {
            case OFF -> null;
            case FULL -> verifier.verifyFull(s.logId());
            case INCREMENTAL -> verifier.verifyIncremental(s.logId());
        };
        if (report == null) {
            return LogCheck.notVerified(s, "log '" + s.logId() + "' not verified at start ("
                    + s.key(AirlogConfigKeys.VERIFY_ON_STARTUP) + "=off)");
        }
        if (report.intact()) {
            verifier.record(report);
        }
        return LogCheck.of(s, report);
    }

    private static void set(StreamSettings s, String key, Object value, Runnable apply) {
        try {
            apply.run();
        } catch (IllegalArgumentException e) {
            throw ConfigReader.invalid(s.key(key), String.valueOf(value), e.getMessage());
        }
    }
}
