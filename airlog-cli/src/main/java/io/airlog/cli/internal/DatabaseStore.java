package io.airlog.cli.internal;

import io.airlog.AuditEvent;
import io.airlog.AuditIntegrityException;
import io.airlog.checkpoint.SignedCheckpoint;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.merkle.LeafSource;
import io.airlog.spi.VerifiedReplay;
import io.airlog.verify.LogSource;
import io.airlog.verify.VerificationReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** A log in airlog's tables in a database, read on one connection held for the command. */
final class DatabaseStore implements LogStore {
    private final DatabaseLogin login;
    private final String logId;
    private final Connection connection;
    private final EventTable table;

    /**
     * Connects and checks that the tables can be read and hold the log.
     *
     * @param logId the log, required: a database holds several
     * @throws CliException if the database cannot be reached, has no airlog tables, or holds no
     *         such log (the message lists those it holds)
     */
    DatabaseStore(DatabaseLogin login, String logId) {
        this.login = login;
        this.connection = login.connect();
        try {
            EventTable.checkTables(connection, login.tables(), login.safeUrl());
            if (logId == null) {
                throw CliException.error("name the log with --log: " + login.safeUrl() + " holds " + describe(
                        EventTable.logs(connection, login.tables(), login.safeUrl())));
            }
            this.logId = logId;
            this.table = new EventTable(connection, login.tables(), logId, label());
            if (!table.hasHead() && table.maxSequence() == 0) {
                throw CliException.error("no log '" + logId + "' in " + login.safeUrl() + " (table prefix '"
                        + login.tables().prefix() + "'); it holds " + describe(EventTable.logs(connection,
                        login.tables(), login.safeUrl())));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static String describe(List<String> logs) {
        return logs.isEmpty() ? "no log" : "the logs " + String.join(", ", logs);
    }

    @Override
    public String logId() {
        return logId;
    }

    @Override
    public String label() {
        return login.safeUrl() + " (log " + logId + ")";
    }

    @Override
    public boolean isDatabase() {
        return true;
    }

    @Override
    public LeafSource leaves() {
        return table::leaves;
    }

    @Override
    public long lastSequence() {
        return table.maxSequence();
    }

    @Override
    public Optional<AuditEvent> event(UUID eventId) {
        return table.byId(eventId);
    }

    @Override
    public Optional<AuditEvent> eventAt(long sequence) {
        return table.bySequence(sequence);
    }

    @Override
    public Stream<AuditEvent> range(long first, long last, String previousChecksum) {
        Stream<AuditEvent> events = table.entries(first, last).map(e -> {
            if (e.event() == null) {
                throw new AuditIntegrityException(logId, 0, e.problem());
            }
            return e.event();
        });
        return Ranges.linked(logId, first, previousChecksum, VerifiedReplay.of(logId, first, last, events));
    }

    @Override
    public LogSource source() {
        return LogSource.of(label(), table.entries(1, Long.MAX_VALUE));
    }

    @Override
    public Optional<SignedCheckpoint> newestCheckpoint(TrustedKeys keys, String origin) {
        return DatabaseCheckpoints.newest(login, logId, keys, origin);
    }

    @Override
    public String noCheckpointReason() {
        return DatabaseCheckpoints.NONE_STORED;
    }

    @Override
    public VerificationReport verify(Checks checks) {
        return DatabaseVerification.verify(login, logId, checks);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing was written on it
        }
    }
}
