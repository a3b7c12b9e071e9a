package io.airlog.bench.load;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.airlog.AuditDraft;
import io.airlog.ChainPosition;
import io.airlog.encoding.CanonicalJson;
import io.airlog.jdbc.SqlDialect;
import io.airlog.jdbc.TableNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.appender.AsyncAppender;
import org.apache.logging.log4j.core.appender.db.ColumnMapping;
import org.apache.logging.log4j.core.appender.db.jdbc.AbstractConnectionSource;
import org.apache.logging.log4j.core.appender.db.jdbc.JdbcAppender;
import org.apache.logging.log4j.core.config.AppenderRef;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.message.MapMessage;

/**
 * Log4j2 2.x's {@link JdbcAppender}, configured as a Java team configures it for audit rows:
 * the application logs each event as a {@link MapMessage} of column values to a logger whose
 * appender inserts them over a HikariCP pool, one column mapping per value
 * ({@code %K{column}}: the map's entry; {@code ts_nanos} converted to a {@code Long}). The rows
 * go into airlog's event table (the same columns and indexes as every other scenario); the log
 * id and the two checksum columns are literals (64 zeros, as in the unchained scenarios), and
 * {@code seq} comes from a database sequence ({@code nextval} in the INSERT: what an identity
 * column does).
 *
 * <p>Log4j2's other way for a map message, a {@code MessageLayout} whose map entries are bound
 * to the columns directly, does not work with a buffer in 2.26.1: the database manager does not
 * keep the appender's layout, so a buffered event's columns are left unbound and every flush
 * fails. All three setups therefore use the same pattern mappings, and differ only in their
 * buffer and the asynchronous appender.
 *
 * <p>Log4j2's database manager is one lock: every event, or every buffer flush, is one
 * transaction after the other, so the sequence numbers are committed in order and
 * {@link #durableCount()} is the largest committed {@code seq}: the harness counts the rows
 * committed during the window, whatever the calls returned.
 *
 * <p>Settings that differ from Log4j2's defaults: {@code ignoreExceptions=false} (a failed
 * insert reaches the caller, and the harness counts it); {@code truncateStrings=false} (with the
 * default, every connection borrowed from the pool first reads the table's column metadata
 * with a query: an extra round trip per event or flush that no value of this harness needs).
 */
public final class Log4jJdbcSink implements Sink {
    private static final AtomicInteger CONTEXTS = new AtomicInteger();
    private static final List<String> MAPPED = List.of("event_id", "ts_nanos", "action", "principal_subject",
            "principal_auth", "principal_metadata", "resource", "resource_id", "outcome", "correlation_id",
            "context");

    /** The Log4j2 setups the harness compares. */
    public enum Setup {
        /** {@code bufferSize=0}: one INSERT and commit per event, before the call returns. */
        PER_EVENT(0, false),
        /** {@code bufferSize=100}: the call that fills the buffer writes the 100 events in one transaction. */
        BATCHED(100, false),
        /**
         * An {@link AsyncAppender} (queue of 1,024, blocking when full) in front of the batched
         * appender: the call returns once queued; one background thread writes batches of up
         * to 100, or fewer when the queue runs empty.
         */
        ASYNC_BATCHED(100, true);

        private final int bufferSize;
        private final boolean async;

        Setup(int bufferSize, boolean async) {
            this.bufferSize = bufferSize;
            this.async = async;
        }
    }

    private final DataSource dataSource;
    private final TableNames tables;
    private final String logId;
    private final String sequence;
    private final HikariDataSource pool;
    private final Log4jContext log4j;
    private final Connection counter;

    /**
     * Creates the sequence, the pool and the logger on existing tables.
     *
     * @param logId the literal of the {@code log_id} column
     */
    public Log4jJdbcSink(DataSource dataSource, TableNames tables, String logId, Setup setup) throws SQLException {
        this.dataSource = dataSource;
        this.tables = tables;
        this.logId = logId;
        this.sequence = tables.prefix() + "log4j_seq";
        SqlDialect dialect;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            dialect = SqlDialect.of(c);
            s.execute("CREATE SEQUENCE " + sequence);
        }
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource);
        config.setPoolName("log4j-" + setup.name().toLowerCase(Locale.ROOT));
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(1);
        this.pool = new HikariDataSource(config);
        String nextSequence = dialect == SqlDialect.POSTGRESQL ? "nextval('" + sequence + "')"
                : "NEXT VALUE FOR " + sequence;
        this.log4j = new Log4jContext("bench-log4j-jdbc-" + CONTEXTS.incrementAndGet(),
                c -> appender(c, setup, columns(c, logId, nextSequence)));
        this.counter = dataSource.getConnection();
    }

    private Appender appender(Configuration config, Setup setup, ColumnMapping[] columns) {
        JdbcAppender jdbc = JdbcAppender.newBuilder().setName("jdbc").setConfiguration(config)
                .setIgnoreExceptions(false).setBufferSize(setup.bufferSize)
                .setTruncateStrings(false).setTableName(tables.event()).setColumnMappings(columns)
                .setConnectionSource(new PoolSource(pool)).build();
        jdbc.start();
        if (!setup.async) {
            return jdbc;
        }
        config.addAppender(jdbc);
        AsyncAppender async = AsyncAppender.newBuilder().setName("async").setConfiguration(config)
                .setIgnoreExceptions(false)
                .setAppenderRefs(new AppenderRef[] {AppenderRef.createAppenderRef("jdbc", null, null)}).build();
        async.start();
        return async;
    }

    private static ColumnMapping[] columns(Configuration config, String logId, String nextSequence) {
        List<ColumnMapping> columns = new ArrayList<>();
        columns.add(ColumnMapping.newBuilder().setName("log_id").setLiteral("'" + logId + "'").build());
        columns.add(ColumnMapping.newBuilder().setName("seq").setLiteral(nextSequence).build());
        for (String name : MAPPED) {
            columns.add(ColumnMapping.newBuilder().setConfiguration(config).setName(name).setPattern("%K{" + name + "}")
                    .setColumnType(name.equals("ts_nanos") ? Long.class : String.class).build());
        }
        columns.add(ColumnMapping.newBuilder().setName("previous_checksum")
                .setLiteral("'" + ChainPosition.GENESIS + "'").build());
        columns.add(ColumnMapping.newBuilder().setName("checksum").setLiteral("'" + ChainPosition.GENESIS + "'")
                .build());
        return columns.toArray(ColumnMapping[]::new);
    }

    /** The map message an application logs for {@code draft}: one entry per mapped column. */
    static MapMessage<?, Object> message(AuditDraft draft) {
        Instant ts = draft.timestamp();
        return new MapMessage<>(MAPPED.size())
                .with("event_id", draft.eventId().toString())
                .with("ts_nanos", Math.addExact(Math.multiplyExact(ts.getEpochSecond(), 1_000_000_000L), ts.getNano()))
                .with("action", draft.action())
                .with("principal_subject", draft.principal().subject())
                .with("principal_auth", draft.principal().authMethod().name())
                .with("principal_metadata", CanonicalJson.toJson(draft.principal().metadata()))
                .with("resource", draft.resource())
                .with("resource_id", draft.resourceId())
                .with("outcome", draft.outcome().name())
                .with("correlation_id", draft.correlationId())
                .with("context", CanonicalJson.toJson(draft.context()));
    }

    @Override
    public CompletionStage<?> store(int caller, AuditDraft draft) {
        log4j.logger().info(message(draft));
        return null;
    }

    /** The rows committed so far: the largest committed sequence number (see the class comment). */
    @Override
    public long durableCount() throws SQLException {
        try (PreparedStatement ps = counter.prepareStatement("SELECT MAX(seq) FROM " + tables.event()
                + " WHERE log_id = ?")) {
            ps.setString(1, logId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Stops Log4j2 (the buffered events are written), closes the pool and drops the sequence. */
    @Override
    public void close() throws SQLException {
        try {
            log4j.close();
        } finally {
            pool.close();
            counter.close();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SEQUENCE IF EXISTS " + sequence);
            }
        }
    }

    /** Connections for Log4j2 from the pool. */
    private static final class PoolSource extends AbstractConnectionSource {
        private final DataSource pool;

        PoolSource(DataSource pool) {
            this.pool = pool;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return pool.getConnection();
        }

        @Override
        public String toString() {
            return "HikariCP pool";
        }
    }
}
